// Stand-in for folly's <folly/coro/BlockingWait.h> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <exception>
#include <folly/coro/Task.h>

namespace folly::coro {
namespace detail {
/// blockingWait is a function object.
struct blocking_wait_fn {
  template <typename Awaitable> auto operator()(Awaitable &&A) const {
    return static_cast<Awaitable &&>(A).await_resume();
  }
};
} // namespace detail
inline constexpr detail::blocking_wait_fn blocking_wait{};
static constexpr detail::blocking_wait_fn const &blockingWait = blocking_wait;
} // namespace folly::coro
