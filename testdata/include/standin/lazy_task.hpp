// The shape every runtime's lazy task shares, for the stand-in headers of
// coro-tidy's testdata: a class template `Name<T = void>` (and its void
// specialisation) with a promise that suspends initially and the awaiter
// members. Each stand-in declares it in its runtime's own namespace, so the
// checks see the real qualified name (cppcoro::task, folly::coro::Task...).
#pragma once
#include <coroutine>
#include <exception>

#define CORO_TIDY_STANDIN_LAZY_TASK(Name)                                      \
  template <typename T = void> class Name {                                    \
  public:                                                                      \
    struct promise_type {                                                      \
      Name get_return_object() { return {}; }                                  \
      std::suspend_always initial_suspend() noexcept { return {}; }            \
      std::suspend_always final_suspend() noexcept { return {}; }              \
      void return_value(T) {}                                                  \
      void unhandled_exception() { std::terminate(); }                         \
    };                                                                         \
    bool await_ready() const noexcept { return false; }                        \
    void await_suspend(std::coroutine_handle<>) const noexcept {}              \
    T await_resume() const { return T{}; }                                     \
  };                                                                           \
  template <> class Name<void> {                                               \
  public:                                                                      \
    struct promise_type {                                                      \
      Name get_return_object() { return {}; }                                  \
      std::suspend_always initial_suspend() noexcept { return {}; }            \
      std::suspend_always final_suspend() noexcept { return {}; }              \
      void return_void() {}                                                    \
      void unhandled_exception() { std::terminate(); }                         \
    };                                                                         \
    bool await_ready() const noexcept { return false; }                        \
    void await_suspend(std::coroutine_handle<>) const noexcept {}              \
    void await_resume() const noexcept {}                                      \
  }
