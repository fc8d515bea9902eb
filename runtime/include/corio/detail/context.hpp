// What a task is: the unit that cancellation targets (asyncio's Task), shared by every coroutine it
// awaits.
#pragma once

#include <coroutine>
#include <cstdint>
#include <utility>

namespace corio::detail {

// A suspended operation that cancellation can interrupt (a sleep, a queue get, a gather...).
class Waiter {
 public:
  // Stops waiting, makes the operation throw CancelledError when it resumes, and schedules the
  // waiting coroutine on the loop (never resumes it inline: the canceller is still running).
  virtual void interrupt() noexcept = 0;

 protected:
  ~Waiter() = default;
};

// One per task: the root coroutine given to run(), create_task() or a gather, and every coroutine
// it awaits directly or indirectly. Cancellation is a one-shot request delivered at the task's next
// suspension point, like asyncio's: after it is delivered, cleanup code can await again.
class TaskContext {
 public:
  void cancel() noexcept {
    if (waiter_ != nullptr) {
      std::exchange(waiter_, nullptr)->interrupt();
    } else {
      cancel_pending_ = true;
    }
  }

  // Takes a pending cancellation request; a leaf operation about to suspend calls this and throws
  // CancelledError instead of waiting when it returns true.
  bool consume_cancel() noexcept { return std::exchange(cancel_pending_, false); }
  bool cancel_pending() const noexcept { return cancel_pending_; }
  void request_cancel_later() noexcept { cancel_pending_ = true; }

  void set_waiter(Waiter* w) noexcept { waiter_ = w; }
  void clear_waiter(const Waiter* w) noexcept {
    if (waiter_ == w) waiter_ = nullptr;
  }

  // Called when the task's root coroutine finishes; returns the coroutine to transfer to.
  virtual std::coroutine_handle<> on_root_complete() noexcept = 0;
  // The root coroutine's function name, for debug-mode reports.
  virtual const char* name() const noexcept = 0;

 protected:
  TaskContext() = default;
  TaskContext(const TaskContext&) = delete;
  TaskContext& operator=(const TaskContext&) = delete;
  ~TaskContext() = default;

 private:
  Waiter* waiter_ = nullptr;
  bool cancel_pending_ = false;

 protected:
  std::uint32_t aux_ = 0;  // free for derived classes; fills the padding
};

// The task context of the coroutine behind `h`, or null for coroutine types that are not corio's
// (their awaits are simply not cancellable).
template <class Promise>
TaskContext* context_of(std::coroutine_handle<Promise> h) noexcept {
  if constexpr (requires { h.promise().corio_context(); }) {
    return h.promise().corio_context();
  } else {
    return nullptr;
  }
}

}  // namespace corio::detail
