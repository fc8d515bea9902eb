// Stand-in for folly's <folly/coro/Sleep.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes, no code
// from the project.
#pragma once
#include <chrono>
#include <folly/coro/Task.h>

namespace folly {
class Timekeeper;
using HighResDuration = std::chrono::nanoseconds;
} // namespace folly

namespace folly::coro {
/// Returns a task that, when awaited, sleeps for the duration.
Task<void> sleep(HighResDuration d, Timekeeper *tk = nullptr);
} // namespace folly::coro
