// create_task() and TaskHandle<T>: start a task now, keep running, await it later.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>

#include "corio/detail/task_state.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"

namespace corio {

template <class T>
class TaskHandle;

// Starts `task` on the running loop (it first runs when the caller next suspends) and returns its
// handle (asyncio.create_task).
template <class T>
TaskHandle<T> create_task(Task<T> task);

namespace detail {
// The loop-side record behind a handle (for the waiting combinators).
template <class T>
TaskState<T>* state_of(const TaskHandle<T>& handle) noexcept;
}  // namespace detail

// The handle of a task started with create_task(). Awaiting it returns the task's value or
// rethrows its exception; if the awaiting task is cancelled meanwhile, the awaited task is cancelled
// too (as in asyncio). Keep it and await it (or cancel it): a failure nobody retrieves is reported
// when the loop ends ("task exception was never retrieved").
template <class T>
class [[nodiscard("keep the handle and co_await it, or its failure is lost")]] TaskHandle {
 public:
  TaskHandle(TaskHandle&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  TaskHandle& operator=(TaskHandle&& other) noexcept {
    if (this != &other) {
      if (state_ != nullptr) state_->release_handle();
      state_ = std::exchange(other.state_, nullptr);
    }
    return *this;
  }
  ~TaskHandle() {
    if (state_ != nullptr) state_->release_handle();
  }

  bool done() const noexcept { return state_->done(); }
  bool cancelled() const noexcept { return state_->cancelled(); }
  // Requests cancellation: CancelledError is raised inside the task at its next suspension point.
  void cancel() noexcept { state_->request_cancel(); }

  // For a finished task (asyncio's Task.result() / Task.exception()); both mark its failure
  // retrieved. result() returns the value or rethrows the failure; exception() returns the failure
  // (a CancelledError if it was cancelled), or null when it succeeded: check it before result().
  // Before the task has finished both throw std::logic_error (asyncio's InvalidStateError).
  T result() {
    require_done("result");
    return state_->result();
  }
  std::exception_ptr exception() {
    require_done("exception");
    return state_->take_error();
  }

  class Awaiter final : public detail::HandleAwaiter<T> {
   public:
    using detail::HandleAwaiter<T>::HandleAwaiter;
    void interrupt() noexcept override {
      // Keep waiting until the awaited task has finished, so it outlives nobody; then raise here.
      this->cancelled_ = true;
      this->state_->request_cancel();
    }
  };
  Awaiter operator co_await() noexcept { return Awaiter(state_); }

 private:
  template <class U>
  friend TaskHandle<U> create_task(Task<U> task);
  template <class U>
  friend detail::TaskState<U>* detail::state_of(const TaskHandle<U>& handle) noexcept;
  explicit TaskHandle(detail::TaskState<T>* state) noexcept : state_(state) {}
  void require_done(const char* what) const {
    if (!state_->done()) {
      throw std::logic_error(std::string("corio::TaskHandle::") + what + ": the task has not finished");
    }
  }
  detail::TaskState<T>* state_;
};

template <class T>
TaskHandle<T> create_task(Task<T> task) {
  if (!task.valid()) throw std::invalid_argument("corio::create_task: empty task");
  return TaskHandle<T>(new detail::TaskState<T>(detail::current_loop(), std::move(task)));
}

namespace detail {
template <class T>
TaskState<T>* state_of(const TaskHandle<T>& handle) noexcept {
  return handle.state_;
}
}  // namespace detail

}  // namespace corio
