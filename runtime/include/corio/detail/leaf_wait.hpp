// The cancellation protocol shared by every operation a task can suspend on.
#pragma once

#include <coroutine>

#include "corio/detail/context.hpp"
#include "corio/errors.hpp"
#include "corio/event_loop.hpp"

namespace corio::detail {

// A leaf operation (sleep, semaphore acquire, queue get...) suspends in three moves:
//   begin()  - a cancellation already requested is delivered here instead of suspending;
//   watch()  - after registering, tell the task what it waits on so cancel() can interrupt it;
//   wake()   - the operation completed: stop being interruptible and schedule the coroutine.
// A cancellation that arrives after wake() stays pending for the next suspension point, so a
// completed operation (a granted permit, a received item) is never lost.
class LeafWait : public Waiter {
 protected:
  LeafWait() = default;
  LeafWait(const LeafWait&) = delete;
  LeafWait& operator=(const LeafWait&) = delete;
  ~LeafWait() { unwatch(); }

  template <class Promise>
  bool begin(std::coroutine_handle<Promise> h) noexcept {
    handle_ = h;
    task_ = context_of(h);
    if (task_ != nullptr && task_->consume_cancel()) {
      cancelled_ = true;
      return false;
    }
    return true;
  }
  void watch() noexcept {
    if (task_ != nullptr) task_->set_waiter(this);
  }
  void unwatch() noexcept {
    if (task_ != nullptr) task_->clear_waiter(this);
  }
  void wake(EventLoop& loop) {
    unwatch();
    loop.schedule(handle_, task_);
  }
  // From interrupt(): the task already forgot this waiter.
  void wake_cancelled(EventLoop& loop) {
    cancelled_ = true;
    loop.schedule(handle_, task_);
  }
  void throw_if_cancelled() const {
    if (cancelled_) throw CancelledError{};
  }

  std::coroutine_handle<> handle_;
  TaskContext* task_ = nullptr;
  bool cancelled_ = false;
};

}  // namespace corio::detail
