// wait_for(): a deadline for a task (asyncio.wait_for).
#pragma once

#include <type_traits>
#include <utility>

#include "corio/clock.hpp"
#include "corio/detail/context.hpp"
#include "corio/detail/timer_heap.hpp"
#include "corio/errors.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"

namespace corio {

namespace detail {

// Gives the awaiting coroutine its own task context without suspending.
struct CurrentTask {
  TaskContext* task = nullptr;
  bool await_ready() const noexcept { return false; }
  template <class Promise>
  bool await_suspend(std::coroutine_handle<Promise> h) noexcept {
    task = context_of(h);
    return false;
  }
  TaskContext* await_resume() const noexcept { return task; }
};

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

}  // namespace detail

// Awaits `task` for at most `timeout`. At the deadline the task is cancelled (CancelledError at its
// suspension point, cleanup runs), and once it has finished, TimeoutError is thrown. The task runs
// inside the caller's task, so cancelling the caller cancels it too.
template <class T>
Task<T> wait_for(Task<T> task, Duration timeout) {
  detail::TaskContext* self = co_await detail::CurrentTask{};
  detail::Deadline deadline(self, timeout);
  try {
    if constexpr (std::is_void_v<T>) {
      co_await std::move(task);
      deadline.withdraw();
      co_return;
    } else {
      T value = co_await std::move(task);
      deadline.withdraw();
      co_return value;
    }
  } catch (const CancelledError&) {
    if (!deadline.expired()) throw;
  }
  throw TimeoutError{};
}

}  // namespace corio
