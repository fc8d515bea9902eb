// The timer of wait_for(): cancels a task when its deadline passes.
#pragma once

#include "corio/clock.hpp"
#include "corio/detail/context.hpp"
#include "corio/detail/timer_heap.hpp"
#include "corio/event_loop.hpp"

namespace corio::detail {

// Cancels a task when the deadline passes.
class Deadline final : public TimerNode {
 public:
  Deadline(TaskContext* task, Duration timeout) : task_(task) {
    LoopCore& loop = current_loop();
    loop.add_timer(*this, loop.now() + timeout);
  }
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;
  ~Deadline() {
    if (armed()) running_loop().cancel_timer(*this);
  }

  void fire() noexcept override {
    expired_ = true;
    if (task_ != nullptr) task_->cancel();
  }
  bool expired() const noexcept { return expired_; }

  // The operation finished after the deadline fired but before the cancellation reached it: the
  // request was ours, withdraw it so it does not hit the caller's next suspension.
  void withdraw() noexcept {
    if (expired_ && task_ != nullptr) task_->consume_cancel();
  }

 private:
  TaskContext* task_;
  bool expired_ = false;
};

}  // namespace corio::detail
