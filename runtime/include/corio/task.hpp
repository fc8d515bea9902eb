// Task<T>: a lazy, move-only coroutine that produces a T (asyncio's coroutine object).
#pragma once

#include <coroutine>
#include <source_location>
#include <type_traits>
#include <utility>

#include "corio/detail/task_promise.hpp"

namespace corio {

// A coroutine returning Task<T> does not start when called: it runs when awaited
// (`T v = co_await f();`), passed to gather()/create_task()/wait_for(), or given to run().
// Awaiting it runs it inside the awaiting coroutine's task (same cancellation scope) and returns
// its value or rethrows its exception. Discarding it unawaited means the body never runs.
template <class T = void>
class [[nodiscard("a Task does nothing until it is co_awaited, gathered, spawned or run")]] Task {
 public:
  static_assert(!std::is_reference_v<T>, "Task<T&> is not supported; return a pointer");

  struct promise_type : detail::TaskPromise<T> {
    promise_type(std::source_location where = std::source_location::current()) noexcept
        : detail::TaskPromise<T>(where) {}
    Task get_return_object() noexcept {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
  };
  using handle_type = std::coroutine_handle<promise_type>;

  Task() noexcept = default;
  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  Task& operator=(Task&& other) noexcept {
    if (this != &other) {
      if (handle_) handle_.destroy();
      handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
  }
  ~Task() {
    if (handle_) handle_.destroy();
  }

  // The awaiter interface: awaiting runs the coroutine (symmetric transfer, no queueing).
  bool await_ready() const noexcept { return false; }
  template <class Promise>
  std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> awaiter) noexcept {
    handle_.promise().link(awaiter);
    return handle_;
  }
  T await_resume() { return handle_.promise().take(); }

  bool valid() const noexcept { return static_cast<bool>(handle_); }
  bool done() const noexcept { return handle_ && handle_.done(); }
  handle_type handle() const noexcept { return handle_; }

 private:
  explicit Task(handle_type h) noexcept : handle_(h) {}
  handle_type handle_;
};

}  // namespace corio
