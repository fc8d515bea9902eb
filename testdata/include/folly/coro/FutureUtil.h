// Stand-in for folly's <folly/coro/FutureUtil.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes, no code
// from the project.
#pragma once
#include <folly/coro/Task.h>

namespace folly::coro {
/// A SemiFuture of the awaitable's result, not started.
template <typename T> SemiFuture<lift_unit_t<T>> toSemiFuture(Task<T> &&a);
} // namespace folly::coro
