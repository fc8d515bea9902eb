// sleep() and yield_now(): asyncio.sleep(d) and asyncio.sleep(0).
#pragma once

#include "corio/clock.hpp"
#include "corio/detail/sleep_awaiter.hpp"
#include "corio/task.hpp"

namespace corio {

// Suspends the calling task for `delay` (never blocks the thread). A zero or negative delay yields.
inline Task<void> sleep(Duration delay) { co_await detail::SleepAwaiter{delay}; }

// Suspends the calling task until the loop's clock reaches `deadline`.
inline Task<void> sleep_until(TimePoint deadline) { co_await detail::SleepAwaiter{deadline}; }

// Lets every other ready task run once, then continues (asyncio.sleep(0)).
inline Task<void> yield_now() { co_await detail::SleepAwaiter{}; }

}  // namespace corio
