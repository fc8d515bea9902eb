// Stand-in for folly's <folly/coro/Invoke.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes, no code
// from the project.
#pragma once
#include <type_traits>

namespace folly::coro {
/// Invokes a coroutine callable, keeping the callable alive in the
/// coroutine frame: `co_invoke([captures]() -> Task<T> { ... })`.
struct co_invoke_fn {
  template <typename F, typename... A>
  constexpr auto operator()(F &&f, A &&...a) const
      -> std::invoke_result_t<F, A...> {
    return static_cast<F &&>(f)(static_cast<A &&>(a)...);
  }
};
inline constexpr co_invoke_fn co_invoke{};
} // namespace folly::coro
