// The task context of run()'s main task: it records that the task has finished.
#pragma once

#include <coroutine>

#include "corio/detail/context.hpp"

namespace corio::detail {

class RootContext final : public TaskContext {
 public:
  std::coroutine_handle<> on_root_complete() noexcept override {
    done = true;
    return std::noop_coroutine();
  }
  const char* name() const noexcept override { return root_name; }

  bool done = false;
  const char* root_name = "";
};

}  // namespace corio::detail
