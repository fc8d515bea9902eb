// Stand-in for folly's <folly/coro/BlockingWait.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes, no code
// from the project.
#pragma once
#include <folly/coro/Task.h>

namespace folly::coro {
namespace detail {
template <typename T> T blockingWaitResult(Task<T> &&);
template <typename Awaitable>
auto blockingWaitResult(Awaitable &&A) -> decltype(A.await_resume());

/// blockingWait is a function object: it runs the event loop on this
/// thread until the (semi-)awaitable completes, and returns its result.
struct blocking_wait_fn {
  template <typename SemiAwaitable>
  auto operator()(SemiAwaitable &&awaitable) const
      -> decltype(blockingWaitResult(
          static_cast<SemiAwaitable &&>(awaitable)));
};
} // namespace detail
inline constexpr detail::blocking_wait_fn blocking_wait{};
static constexpr detail::blocking_wait_fn const &blockingWait = blocking_wait;
} // namespace folly::coro
