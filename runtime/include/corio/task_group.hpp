// task_group(): structured concurrency, a scope that no child task outlives (asyncio.TaskGroup).
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "corio/detail/body_value.hpp"
#include "corio/detail/context.hpp"
#include "corio/detail/current_task.hpp"
#include "corio/detail/exception_policy.hpp"
#include "corio/detail/group_child.hpp"
#include "corio/detail/intrusive_list.hpp"
#include "corio/detail/task_state.hpp"
#include "corio/errors.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"
#include "corio/task_handle.hpp"

namespace corio {

class TaskGroup;
template <class T>
class ChildHandle;

// Runs `body(group)`; the body starts children with group.create_task(...):
//
//   co_await corio::task_group([&](corio::TaskGroup& g) -> corio::Task<void> {
//     g.create_task(fetch_user(id));
//     g.create_task(fetch_orders(id));
//   });                                    // here every child has finished
//
// - The scope ends only when the body and every child have finished, whatever happened: no child
//   outlives it (children may start more children through the group meanwhile).
// - The first failure of a child (or of the body) cancels every other child and the body;
//   cancellations are not failures.
// - Failures are reported together: corio::ExceptionGroup holds every failure of the body and of
//   the children, in order; they all count as retrieved.
// - Cancelling the task that awaits the group cancels the body and the children, waits for them,
//   then raises CancelledError (or the ExceptionGroup if something failed as well).
// Returns the body's value when nothing failed.
template <class Body>
Task<detail::body_value_t<Body, TaskGroup>> task_group(Body body);

// A child of a task group. Copyable, and fine to drop: the group owns the child and retrieves its
// failure. done(), cancelled(), cancel(); `co_await child.join()` waits for this child inside the
// scope (value or rethrow; cancelling the waiter cancels the child); result()/exception() once it
// has finished, e.g. after the scope (asyncio's task.result() after `async with TaskGroup()`).
template <class T>
class ChildHandle {
 public:
  ChildHandle() noexcept = default;
  ChildHandle(const ChildHandle& other) noexcept : child_(other.child_) {
    if (child_ != nullptr) child_->add_handle();
  }
  ChildHandle(ChildHandle&& other) noexcept : child_(std::exchange(other.child_, nullptr)) {}
  ChildHandle& operator=(ChildHandle other) noexcept {
    std::swap(child_, other.child_);
    return *this;
  }
  ~ChildHandle() {
    if (child_ != nullptr) child_->drop_handle();
  }

  bool valid() const noexcept { return child_ != nullptr; }
  bool done() const noexcept { return state().done(); }
  bool cancelled() const noexcept { return state().cancelled(); }
  void cancel() noexcept { state().request_cancel(); }

  typename TaskHandle<T>::Awaiter join() const noexcept { return typename TaskHandle<T>::Awaiter(&state()); }

  T result() const {
    require_done("result");
    return state().result();
  }
  std::exception_ptr exception() const {
    require_done("exception");
    return state().take_error();
  }

 private:
  friend class TaskGroup;
  explicit ChildHandle(detail::GroupChildOf<T>* child) noexcept : child_(child) { child_->add_handle(); }
  detail::TaskState<T>& state() const noexcept { return *child_->state_; }
  void require_done(const char* what) const {
    if (!done()) throw std::logic_error(std::string("corio::ChildHandle::") + what + ": the task has not finished");
  }
  detail::GroupChildOf<T>* child_ = nullptr;
};

class TaskGroup {
 public:
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;

  // Starts `task` as a child of the group (it first runs when the caller next suspends). Throws
  // std::logic_error once the group is shutting down after a failure or has finished.
  template <class T>
  ChildHandle<T> create_task(Task<T> task) {
    if (!task.valid()) throw std::invalid_argument("corio::TaskGroup::create_task: empty task");
    if (finished_) throw std::logic_error("corio::TaskGroup::create_task: the group has finished");
    if (aborting_) throw std::logic_error("corio::TaskGroup::create_task: the group is shutting down");
    auto* child = new detail::GroupChildOf<T>();
    try {
      child->state_ = new detail::TaskState<T>(*loop_, std::move(task));
    } catch (...) {
      delete child;
      throw;
    }
    child->group_ = this;
    running_.push_back(*child);
    ++running_count_;
    ChildHandle<T> handle(child);
    child->state_->add_watch(*child);
    return handle;
  }

  // Children that have not finished yet.
  std::size_t running() const noexcept { return running_count_; }

 private:
  template <class Body>
  friend Task<detail::body_value_t<Body, TaskGroup>> task_group(Body body);
  friend class detail::GroupChild;

  // Waits until every child has finished; a cancellation of the parent meanwhile cancels them.
  class [[nodiscard]] JoinAwaiter final : public detail::Waiter {
   public:
    explicit JoinAwaiter(TaskGroup& group) noexcept : group_(group) {}
    bool await_ready() const noexcept { return group_.running_count_ == 0; }
    template <class Promise>
    bool await_suspend(std::coroutine_handle<Promise> h) noexcept {
      if (group_.parent_ != nullptr && group_.parent_->consume_cancel()) group_.cancelled_from_outside();
      if (group_.running_count_ == 0) return false;
      group_.joiner_ = h;
      group_.join_waiter_ = this;
      if (group_.parent_ != nullptr) group_.parent_->set_waiter(this);
      return true;
    }
    void await_resume() const noexcept {}
    void interrupt() noexcept override { group_.cancelled_from_outside(); }  // keep waiting

   private:
    TaskGroup& group_;
  };

  explicit TaskGroup(detail::TaskContext* parent) : loop_(&detail::current_loop()), parent_(parent) {}
  ~TaskGroup() {
    // Only reached with children still running when the frame holding the group is destroyed
    // mid-flight (the loop tearing down a stuck task): their frames go now, never after the scope.
    while (detail::GroupLink* link = running_.pop_front()) {
      auto* child = static_cast<detail::GroupChild*>(link);
      child->running_ = false;
      child->group_ = nullptr;
      if (!child->task().finished()) child->task().abandon();
      if (child->handles_ == 0) delete child;
    }
  }

  void child_done(detail::GroupChild& child) noexcept {
    running_.remove(static_cast<detail::GroupLink&>(child));
    child.running_ = false;
    --running_count_;
    std::exception_ptr error = child.take_error();
    if (child.handles_ == 0) delete &child;  // the loop frees the task itself
    if (error && !detail::is_cancellation(error)) fail(std::move(error));
    if (running_count_ == 0 && join_waiter_ != nullptr) {
      finished_ = true;
      if (parent_ != nullptr) parent_->clear_waiter(join_waiter_);
      join_waiter_ = nullptr;
      loop_->schedule(joiner_, parent_);
    }
  }

  // A failure: recorded, and the first one cancels every child and the body.
  void fail(std::exception_ptr error) noexcept {
    try {
      errors_.push_back(std::move(error));
    } catch (...) {
      // Out of memory while recording a failure: the scope still fails, with what it has.
    }
    if (aborting_) return;
    aborting_ = true;
    cancel_children();
    if (body_running_ && parent_ != nullptr) {
      cancelled_body_ = true;
      parent_->cancel();
    }
  }

  void cancelled_from_outside() noexcept {
    cancelled_ = true;
    aborting_ = true;
    cancel_children();
  }

  void cancel_children() noexcept {
    for (detail::GroupLink* link = running_.front(); link != nullptr;) {
      auto* child = static_cast<detail::GroupChild*>(link);
      link = running_.next(*link);
      if (!child->task().finished()) child->task().cancel();
    }
  }

  // The body has returned or thrown.
  void body_finished(const std::exception_ptr& error) {
    body_running_ = false;
    if (error) {
      if (!detail::is_cancellation(error)) {
        fail(error);
      } else if (!cancelled_body_) {
        cancelled_from_outside();
      }
    } else if (cancelled_body_ && parent_ != nullptr) {
      parent_->consume_cancel();  // our request did not reach the body: withdraw it
    }
  }

  // After the join: what the scope raises.
  void finish() {
    finished_ = true;
    if (!errors_.empty()) throw ExceptionGroup(std::move(errors_));
    if (cancelled_) throw CancelledError{};
  }

  detail::LoopCore* loop_;
  detail::TaskContext* parent_;
  detail::IntrusiveList<detail::GroupLink> running_;
  std::size_t running_count_ = 0;
  std::vector<std::exception_ptr> errors_;
  std::coroutine_handle<> joiner_;
  JoinAwaiter* join_waiter_ = nullptr;
  bool body_running_ = true;
  bool cancelled_body_ = false;  // we cancelled the body after a failure
  bool cancelled_ = false;       // the awaiting task was cancelled
  bool aborting_ = false;
  bool finished_ = false;
};

namespace detail {
inline void GroupChild::on_task_done() noexcept {
  if (group_ != nullptr) group_->child_done(*this);
}
}  // namespace detail

template <class Body>
Task<detail::body_value_t<Body, TaskGroup>> task_group(Body body) {
  using Value = detail::body_value_t<Body, TaskGroup>;
  TaskGroup group(co_await detail::CurrentTask{});
  std::exception_ptr error;
  [[maybe_unused]] std::optional<std::conditional_t<std::is_void_v<Value>, bool, Value>> value;
  try {
    if constexpr (std::is_void_v<Value>) {
      co_await std::invoke(body, group);
    } else {
      value.emplace(co_await std::invoke(body, group));
    }
  } catch (...) {
    error = std::current_exception();
  }
  group.body_finished(error);
  co_await TaskGroup::JoinAwaiter(group);
  group.finish();
  if constexpr (!std::is_void_v<Value>) co_return std::move(*value);
}

}  // namespace corio
