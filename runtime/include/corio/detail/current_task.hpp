// `co_await CurrentTask{}`: the task context of the awaiting coroutine.
#pragma once

#include <coroutine>

#include "corio/detail/context.hpp"

namespace corio::detail {

// Gives the awaiting coroutine its own task context without suspending.
struct CurrentTask {
  TaskContext* task = nullptr;
  bool await_ready() const noexcept { return false; }
  template <class Promise>
  bool await_suspend(std::coroutine_handle<Promise> h) noexcept {
    task = context_of(h);
    return false;
  }
  TaskContext* await_resume() const noexcept { return task; }
};

}  // namespace corio::detail
