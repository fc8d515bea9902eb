// Stand-in for Boost.Cobalt's <boost/cobalt/promise.hpp> (Boost 1.84+, not
// installed) // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <exception>

namespace boost::cobalt {
namespace detail {
template <typename Return> struct promise_return {
  void return_value(Return) {}
};
template <> struct promise_return<void> {
  void return_void() {}
};
} // namespace detail
/// An eager task: it runs as soon as it is created; destroying it while
/// attached cancels it.
template <typename Return> struct [[nodiscard]] promise {
  struct promise_type : detail::promise_return<Return> {
    promise get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
  };
  promise(promise &&) noexcept;
  ~promise();
  struct awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    Return await_resume();
  };
  awaiter operator co_await();
  void operator+() &&;
  void cancel();
  bool ready() const;
  explicit operator bool() const;
  bool attached() const;
  void detach();
  void attach();
};
} // namespace boost::cobalt
