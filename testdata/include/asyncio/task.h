// Stand-in for netcan/asyncio's <asyncio/task.h> (coro-tidy testdata): the
// real qualified names and shapes of the asyncio-style C++20 clone, minimal
// bodies written for the tests, no code from the project.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace asyncio {

struct NoWaitAtInitialSuspend {};
inline constexpr NoWaitAtInitialSuspend no_wait_at_initial_suspend;

template <typename R = void> struct Task {
  struct promise_type {
    promise_type() = default;
    // A coroutine whose first parameter is NoWaitAtInitialSuspend starts
    // at once (gather's and sleep's internal coroutines).
    template <typename... Args>
    promise_type(NoWaitAtInitialSuspend, Args &&...)
        : wait_at_initial_suspend_{false} {}
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    auto initial_suspend() noexcept {
      struct InitialAwaiter {
        bool await_ready() const noexcept { return !wait; }
        void await_suspend(std::coroutine_handle<>) const noexcept {}
        void await_resume() const noexcept {}
        bool wait;
      };
      return InitialAwaiter{wait_at_initial_suspend_};
    }
    std::suspend_always final_suspend() noexcept { return {}; }
    bool wait_at_initial_suspend_{true};
    template <class U> void return_value(U &&) {}
    void unhandled_exception() {}
  };
  using coro_handle = std::coroutine_handle<promise_type>;
  explicit Task(coro_handle h) noexcept : handle_(h) {}
  Task(Task &&t) noexcept : handle_(std::exchange(t.handle_, {})) {}
  ~Task();
  R get_result() &;
  struct Awaiter {
    bool await_ready() { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    R await_resume() const;
  };
  auto operator co_await() const & noexcept { return Awaiter{}; }
  auto operator co_await() const && noexcept { return Awaiter{}; }
  bool valid() const;
  bool done() const;
  coro_handle handle_;
};

template <> struct Task<void> {
  struct promise_type {
    promise_type() = default;
    // A coroutine whose first parameter is NoWaitAtInitialSuspend starts
    // at once (gather's and sleep's internal coroutines).
    template <typename... Args>
    promise_type(NoWaitAtInitialSuspend, Args &&...)
        : wait_at_initial_suspend_{false} {}
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    auto initial_suspend() noexcept {
      struct InitialAwaiter {
        bool await_ready() const noexcept { return !wait; }
        void await_suspend(std::coroutine_handle<>) const noexcept {}
        void await_resume() const noexcept {}
        bool wait;
      };
      return InitialAwaiter{wait_at_initial_suspend_};
    }
    std::suspend_always final_suspend() noexcept { return {}; }
    bool wait_at_initial_suspend_{true};
    void return_void() {}
    void unhandled_exception() {}
  };
  using coro_handle = std::coroutine_handle<promise_type>;
  explicit Task(coro_handle h) noexcept : handle_(h) {}
  Task(Task &&t) noexcept : handle_(std::exchange(t.handle_, {})) {}
  ~Task();
  void get_result() &;
  struct Awaiter {
    bool await_ready() { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    void await_resume() const {}
  };
  auto operator co_await() const & noexcept { return Awaiter{}; }
  auto operator co_await() const && noexcept { return Awaiter{}; }
  bool valid() const;
  bool done() const;
  coro_handle handle_;
};

} // namespace asyncio
