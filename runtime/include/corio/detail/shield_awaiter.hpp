// The awaiters behind shield(): a task run in a cancellation scope of its own, and a spawned task
// awaited without passing the awaiter's cancellation on.
#pragma once

#include <coroutine>
#include <utility>

#include "corio/detail/context.hpp"
#include "corio/detail/task_state.hpp"
#include "corio/errors.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"

namespace corio::detail {

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

}  // namespace corio::detail
