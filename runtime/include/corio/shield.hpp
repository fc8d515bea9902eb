// shield(): protect an operation from the cancellation of the task awaiting it (asyncio.shield).
#pragma once

#include <coroutine>
#include <utility>

#include "corio/detail/context.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/errors.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"
#include "corio/task_handle.hpp"

namespace corio {

namespace detail {

// Runs a task in a cancellation scope of its own and defers the awaiting task's cancellation.
template <class T>
class [[nodiscard]] ShieldAwaiter final : public Waiter, public TaskContext {
 public:
  explicit ShieldAwaiter(Task<T> task) noexcept : task_(std::move(task)) {}

  bool await_ready() const noexcept { return false; }
  template <class Promise>
  std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> awaiter) noexcept {
    parent_ = awaiter;
    parent_task_ = context_of(awaiter);
    if (parent_task_ != nullptr && parent_task_->consume_cancel()) {
      cancelled_early_ = true;  // already cancelled: nothing runs, as for any other await
      return awaiter;
    }
    task_.handle().promise().make_root(this);
    if (parent_task_ != nullptr) parent_task_->set_waiter(this);
    return task_.handle();
  }
  T await_resume() {
    if (cancelled_early_) throw CancelledError{};
    // A cancellation that arrived meanwhile is raised at the caller's next suspension point.
    if (deferred_ && parent_task_ != nullptr) parent_task_->request_cancel_later();
    return task_.handle().promise().take();
  }

  // The awaiting task was cancelled: keep the request for later, let the shielded task finish.
  void interrupt() noexcept override { deferred_ = true; }
  std::coroutine_handle<> on_root_complete() noexcept override {
    if (parent_task_ != nullptr) parent_task_->clear_waiter(this);
    return parent_;
  }
  const char* name() const noexcept override { return task_.handle().promise().name(); }

 private:
  Task<T> task_;
  std::coroutine_handle<> parent_;
  TaskContext* parent_task_ = nullptr;
  bool deferred_ = false;
  bool cancelled_early_ = false;
};

// Awaits a spawned task without passing the awaiter's cancellation on to it.
template <class T>
class [[nodiscard]] ShieldedHandleAwaiter final : public HandleAwaiter<T> {
 public:
  using HandleAwaiter<T>::HandleAwaiter;
  void interrupt() noexcept override {
    this->state_->remove_waiter(*this);
    this->wake_cancelled(running_loop());
  }
};

}  // namespace detail

// `T v = co_await corio::shield(commit());` runs the task to completion even if the awaiting task
// is cancelled meanwhile (by a deadline, a failing sibling, handle.cancel()...). The cancellation
// is not lost: it is raised at the awaiting task's next suspension point, after the shielded task
// has finished and its value was returned. So nothing outlives the caller, and an operation that
// must not be interrupted halfway (a commit, a protocol exchange) is not.
template <class T>
detail::ShieldAwaiter<T> shield(Task<T> task) noexcept {
  return detail::ShieldAwaiter<T>(std::move(task));
}

// asyncio's shield() of a running task: `co_await corio::shield(handle)` returns its value like
// `co_await handle`, but if the awaiting task is cancelled, CancelledError is raised at once and
// the task keeps running: the handle is still yours, await or cancel it later.
template <class T>
detail::ShieldedHandleAwaiter<T> shield(TaskHandle<T>& handle) noexcept {
  return detail::ShieldedHandleAwaiter<T>(detail::state_of(handle));
}

}  // namespace corio
