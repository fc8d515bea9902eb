// The awaiter behind sleep(), sleep_until() and yield_now().
#pragma once

#include <coroutine>

#include "corio/clock.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/detail/timer_heap.hpp"
#include "corio/event_loop.hpp"

namespace corio::detail {

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

}  // namespace corio::detail
