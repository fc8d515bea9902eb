// The cancellation protocol shared by every operation a task can suspend on.
#pragma once

#include <coroutine>

#include "corio/detail/context.hpp"
#include "corio/detail/intrusive_list.hpp"
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
  void wake(LoopCore& loop) {
    unwatch();
    loop.schedule(handle_, task_);
  }
  // From interrupt(): the task already forgot this waiter.
  void wake_cancelled(LoopCore& loop) {
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

// A leaf operation that waits its turn in one of its owner's intrusive lists (a queue's getters, a
// semaphore's waiters...) until the owner pops it and calls wake(); cancellation takes it out of the
// list. Self, the final awaiter, names that list with a private
// `static IntrusiveList<Self>& wait_list(Owner&)` (befriending this class) and keeps its own
// await_ready() and, if it produces a result, its own await_resume() that starts with end_wait().
// Costs nothing over writing it out: no storage beyond the owner reference Self needs anyway, no
// virtual call beyond interrupt().
template <class Self, class Owner>
class ListedWait : public LeafWait, public ListHook {
 public:
  template <class Promise>
  bool await_suspend(std::coroutine_handle<Promise> h) {
    if (!begin(h)) return false;
    list().push_back(static_cast<Self&>(*this));
    watch();
    return true;
  }
  void await_resume() { end_wait(); }
  void interrupt() noexcept override {
    list().remove(*this);
    wake_cancelled(running_loop());
  }

 protected:
  explicit ListedWait(Owner& owner) noexcept : owner_(owner) {}
  // Runs after Self's destructor, so it leaves the list through the hook alone.
  ~ListedWait() { list().remove(*this); }

  void end_wait() {
    unwatch();
    throw_if_cancelled();
  }

  Owner& owner_;

 private:
  IntrusiveList<Self>& list() const noexcept { return Self::wait_list(owner_); }
};

}  // namespace corio::detail
