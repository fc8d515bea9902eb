// The loop-side record of a spawned task (TaskState<T>), what is told when it finishes, and the
// awaiters that wait for it.
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <type_traits>
#include <utility>

#include "corio/detail/exception_policy.hpp"
#include "corio/detail/frame_allocator.hpp"
#include "corio/detail/intrusive_list.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/detail/ready_queue.hpp"
#include "corio/detail/task_registry.hpp"
#include "corio/errors.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"

namespace corio::detail {

class HandleWaiter : public LeafWait, public ListHook {
 public:
  using LeafWait::handle_;
  using LeafWait::task_;
  using LeafWait::unwatch;
};

// Told when a spawned task finishes, before its awaiters resume (task groups, wait, as_completed).
// Runs on the loop thread inside the task's final step: it may schedule and cancel, not resume.
class CompletionWatch : public ListHook {
 public:
  virtual void on_task_done() noexcept = 0;

 protected:
  ~CompletionWatch() = default;
};

// The loop-side record of a spawned task. Freed when the task has finished and its handle is gone.
template <class T>
class TaskState final : public SpawnedTask {
 public:
  TaskState(LoopCore& loop, Task<T> task) : loop_(&loop), task_(std::move(task)) {
    task_.handle().promise().make_root(this);
    loop.register_task(*this);
    loop.schedule(static_cast<ReadyCallback&>(*this), this);
  }

  static void* operator new(std::size_t size) { return FrameAllocator::allocate(size); }
  static void operator delete(void* p, std::size_t size) noexcept {
    FrameAllocator::deallocate(p, size);
  }

  // First step of the task, from the ready queue.
  void run_ready() noexcept override {
    if (consume_cancel()) {
      // Cancelled before it started: like asyncio, the body never runs.
      task_.handle().promise().set_error(std::make_exception_ptr(CancelledError{}));
      on_root_complete().resume();  // nothing of *this is touched after this line
      return;
    }
    task_.handle().resume();
  }

  std::coroutine_handle<> on_root_complete() noexcept override {
    done_ = true;
    while (CompletionWatch* w = watches_.pop_front()) w->on_task_done();
    std::coroutine_handle<> next = std::noop_coroutine();
    bool first = true;
    while (HandleWaiter* w = waiters_.pop_front()) {
      w->unwatch();
      if (first) {
        next = w->handle_;  // the first awaiter continues right away (symmetric transfer)
        first = false;
      } else {
        loop_->schedule(w->handle_, w->task_);
      }
    }
    if (!handle_alive_) {
      note_if_unobserved();
      loop_->unregister_task(*this);
      loop_->retire(*this);
    }
    return next;
  }
  const char* name() const noexcept override { return name_; }

  bool finished() const noexcept override { return done_; }
  void abandon() noexcept override {
    task_ = Task<T>{};
    done_ = true;
    abandoned_ = true;
    if (!handle_alive_) {
      loop_->unregister_task(*this);
      loop_->retire(*this);
    }
  }
  void detach_from_loop() noexcept override {
    note_if_unobserved();
    loop_ = nullptr;
    if (!handle_alive_) delete this;
  }
  void destroy() noexcept override { delete this; }

  // --- TaskHandle side ---
  void release_handle() noexcept {
    handle_alive_ = false;
    if (loop_ == nullptr) {
      delete this;  // the loop is gone; anything unretrieved was reported when it ended
    } else if (done_) {
      note_if_unobserved();
      loop_->unregister_task(*this);
      delete this;  // finished: its frame is parked at its final suspension point
    }
  }
  bool done() const noexcept { return done_; }
  bool cancelled() const noexcept {
    return abandoned_ || (done_ && is_cancellation(task_.handle().promise().error()));
  }
  void request_cancel() noexcept {
    if (!done_) cancel();
  }
  void add_waiter(HandleWaiter& w) noexcept { waiters_.push_back(w); }
  void remove_waiter(HandleWaiter& w) noexcept { waiters_.remove(w); }
  // Registers `w` to be told when the task finishes (at once if it has).
  void add_watch(CompletionWatch& w) noexcept {
    if (done_) w.on_task_done();
    else watches_.push_back(w);
  }
  void remove_watch(CompletionWatch& w) noexcept { watches_.remove(w); }

  // True if the task finished with a failure other than cancellation (does not retrieve it).
  bool failed() const noexcept {
    if (!done_ || abandoned_) return false;
    const std::exception_ptr& error = task_.handle().promise().error();
    return error && !is_cancellation(error);
  }

  // The failure of a finished task (CancelledError if it was cancelled), null on success; marks it
  // retrieved, so it is not reported as never retrieved.
  std::exception_ptr take_error() noexcept {
    retrieved_ = true;
    if (abandoned_) return std::make_exception_ptr(CancelledError{});
    return task_.handle().promise().error();
  }

  T result() {
    retrieved_ = true;
    if (abandoned_) throw CancelledError{};
    auto& promise = task_.handle().promise();
    if (promise.error()) std::rethrow_exception(promise.error());
    if constexpr (!std::is_void_v<T>) {
      // One awaiter is the common case; copy when possible so that several can await.
      if constexpr (std::is_copy_constructible_v<T>) return promise.value();
      else return std::move(promise.value());
    }
  }

 private:
  void note_if_unobserved() noexcept {
    if (retrieved_ || abandoned_ || loop_ == nullptr || !task_.valid()) return;
    retrieved_ = true;
    const std::exception_ptr& error = task_.handle().promise().error();
    if (error && !is_cancellation(error)) loop_->report_unobserved(name_, error);
  }

  LoopCore* loop_;
  Task<T> task_;
  const char* name_ = task_.handle().promise().name();
  IntrusiveList<HandleWaiter> waiters_;
  IntrusiveList<CompletionWatch> watches_;
  bool handle_alive_ = true;
  bool done_ = false;
  bool retrieved_ = false;
  bool abandoned_ = false;
};

// Awaits a spawned task and returns its value or rethrows its failure. What a cancellation of the
// awaiting task does is the derived class's interrupt(): pass it on (TaskHandle<T>::Awaiter) or
// stop waiting at once (shield() of a handle).
template <class T>
class HandleAwaiter : public HandleWaiter {
 public:
  explicit HandleAwaiter(TaskState<T>* state) noexcept : state_(state) {}
  ~HandleAwaiter() { state_->remove_waiter(*this); }

  bool await_ready() const noexcept { return state_->done(); }
  template <class Promise>
  bool await_suspend(std::coroutine_handle<Promise> h) {
    if (!begin(h)) return false;
    state_->add_waiter(*this);
    watch();
    return true;
  }
  T await_resume() {
    unwatch();
    throw_if_cancelled();
    return state_->result();
  }

 protected:
  TaskState<T>* state_;
};

}  // namespace corio::detail
