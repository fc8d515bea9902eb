//===--- StdCoroutineStandIn.h - <coroutine> in a string, for unit tests --===//
//
// The utils unit tests build small ASTs from strings; this is the part of
// <coroutine> they need, so that each test compiles in milliseconds without
// the standard library.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_TESTS_STDCOROUTINESTANDIN_H
#define CORO_TIDY_TESTS_STDCOROUTINESTANDIN_H

namespace coro_tidy::test {

/// std::coroutine_traits, coroutine_handle, suspend_always and suspend_never
/// (their await_ready() constant, as in the standard library).
inline constexpr const char *StdCoroutineStandIn = R"cpp(
namespace std {
template <class R, class... Args> struct coroutine_traits {
  using promise_type = typename R::promise_type;
};
template <class P = void> struct coroutine_handle {
  static coroutine_handle from_address(void *) { return {}; }
  void *address() const { return nullptr; }
  operator coroutine_handle<void>() const { return {}; }
};
struct suspend_always {
  constexpr bool await_ready() const noexcept { return false; }
  void await_suspend(coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct suspend_never {
  constexpr bool await_ready() const noexcept { return true; }
  void await_suspend(coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
}
)cpp";

} // namespace coro_tidy::test

#endif
