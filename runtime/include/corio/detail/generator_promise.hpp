// The promise of AsyncGenerator<T>: PromiseBase plus the slot that carries each yielded value.
#pragma once

#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "corio/detail/promise_base.hpp"

namespace corio::detail {

template <class T>
class GeneratorPromise : public PromiseBase {
 public:
  using PromiseBase::PromiseBase;

  // co_yield hands the value to the consumer and continues it.
  struct YieldAwaiter {
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> self) noexcept {
      return self.promise().continuation();
    }
    void await_resume() const noexcept {}
  };
  template <class U = T>
    requires std::is_constructible_v<T, U&&>
  YieldAwaiter yield_value(U&& value) {
    slot.emplace(std::forward<U>(value));
    return {};
  }
  void return_void() const noexcept {}

  void rethrow_once() {
    if (std::exception_ptr e = error()) {
      set_error(nullptr);
      std::rethrow_exception(e);
    }
  }

  std::optional<T> slot;
};

}  // namespace corio::detail
