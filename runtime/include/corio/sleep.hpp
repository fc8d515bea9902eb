// sleep() and yield_now(): asyncio.sleep(d) and asyncio.sleep(0).
#pragma once

#include "corio/clock.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/detail/timer_heap.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"

namespace corio {

namespace detail {

// Suspends until a deadline; with no deadline, just goes to the back of the ready queue.
// The timer is armed at construction and the deadline lives only in the timer heap, which keeps
// sleep()'s frame at 112 bytes (a million sleeping tasks is a benchmark target).
class SleepAwaiter final : public TimerNode, public LeafWait {
 public:
  SleepAwaiter() noexcept = default;  // a yield
  explicit SleepAwaiter(TimePoint deadline) { current_loop().add_timer(*this, deadline); }
  explicit SleepAwaiter(Duration delay) {
    if (delay > Duration::zero()) {
      LoopCore& loop = current_loop();
      loop.add_timer(*this, loop.now() + delay);
    }
  }
  ~SleepAwaiter() {
    if (armed()) running_loop().cancel_timer(*this);
  }

  bool await_ready() const noexcept { return false; }
  template <class Promise>
  bool await_suspend(std::coroutine_handle<Promise> h) {
    if (!begin(h)) return false;  // the destructor disarms the timer
    if (!armed()) current_loop().schedule(h, task_);
    watch();
    return true;
  }
  void await_resume() {
    unwatch();
    throw_if_cancelled();
  }

  void fire() noexcept override { wake(running_loop()); }
  void interrupt() noexcept override {
    if (armed()) {
      running_loop().cancel_timer(*this);
      wake_cancelled(running_loop());
    } else {
      cancelled_ = true;  // a yield: already in the ready queue
    }
  }
};

}  // namespace detail

// Suspends the calling task for `delay` (never blocks the thread). A zero or negative delay yields.
inline Task<void> sleep(Duration delay) { co_await detail::SleepAwaiter{delay}; }

// Suspends the calling task until the loop's clock reaches `deadline`.
inline Task<void> sleep_until(TimePoint deadline) { co_await detail::SleepAwaiter{deadline}; }

// Lets every other ready task run once, then continues (asyncio.sleep(0)).
inline Task<void> yield_now() { co_await detail::SleepAwaiter{}; }

}  // namespace corio
