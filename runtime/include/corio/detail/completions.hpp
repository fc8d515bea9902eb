// The order in which a set of spawned tasks finish, for the combinators that wait for some of them.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "corio/clock.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/detail/timer_heap.hpp"
#include "corio/errors.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"
#include "corio/task_handle.hpp"

namespace corio::detail {

// Requests the cancellation of every task of `tasks` that has not finished.
template <class T>
void cancel_unfinished(std::vector<TaskHandle<T>>& tasks) noexcept {
  for (auto& task : tasks) {
    if (!task.done()) task.cancel();
  }
}

// Leaving an as_completed loop early cancels the tasks it has not yielded yet.
template <class T>
struct CancelUnfinished {
  std::vector<TaskHandle<T>>& tasks;
  ~CancelUnfinished() { cancel_unfinished(tasks); }
};

// Watches every task of `tasks` (whose tasks must outlive it; the handles may move) and records the order
// in which they finish. `co_await arrivals.next()` suspends the calling task until one more has
// finished, or the optional deadline passes; it is cancellable.
template <class T>
class Completions final : private TimerNode {
 public:
  explicit Completions(std::vector<TaskHandle<T>>& tasks) : watches_(tasks.size()) {
    order_.reserve(tasks.size());  // arrived() must not allocate
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      watches_[i].owner = this;
      watches_[i].index = i;
      watches_[i].state = state_of(tasks[i]);
      watches_[i].state->add_watch(watches_[i]);  // reports at once if it has finished
    }
  }
  Completions(const Completions&) = delete;
  Completions& operator=(const Completions&) = delete;
  ~Completions() {
    if (armed()) running_loop().cancel_timer(*this);
    for (std::size_t i = 0; i < watches_.size(); ++i) {
      if (watches_[i].linked()) watches_[i].state->remove_watch(watches_[i]);
    }
  }

  std::size_t size() const noexcept { return watches_.size(); }
  // How many have finished, and which one finished k-th.
  std::size_t count() const noexcept { return order_.size(); }
  std::size_t index(std::size_t k) const noexcept { return order_[k]; }
  // True once one of them failed (a cancellation is not a failure).
  bool any_failed() const noexcept { return any_failed_; }
  bool all_done() const noexcept { return order_.size() == watches_.size(); }

  // After `deadline`, next() returns even when nothing more has finished.
  void set_deadline(TimePoint deadline) { current_loop().add_timer(*this, deadline); }
  bool timed_out() const noexcept { return timed_out_; }

  class [[nodiscard]] NextAwaiter final : public LeafWait {
   public:
    explicit NextAwaiter(Completions& owner) noexcept : owner_(owner) {}
    ~NextAwaiter() {
      if (owner_.waiter_ == this) owner_.waiter_ = nullptr;
    }
    bool await_ready() const noexcept { return owner_.timed_out_ || owner_.all_done(); }
    template <class Promise>
    bool await_suspend(std::coroutine_handle<Promise> h) {
      if (!begin(h)) return false;
      owner_.waiter_ = this;
      watch();
      return true;
    }
    void await_resume() {
      owner_.waiter_ = nullptr;
      unwatch();
      throw_if_cancelled();
    }
    void interrupt() noexcept override {
      owner_.waiter_ = nullptr;
      wake_cancelled(running_loop());
    }
    void arrive() {
      owner_.waiter_ = nullptr;
      wake(running_loop());
    }

   private:
    Completions& owner_;
  };
  NextAwaiter next() noexcept { return NextAwaiter(*this); }

  // For a combinator whose task was cancelled while it waited in next(): cancels the tasks of
  // `tasks` (the ones watched) still running, waits until every one has finished, even when
  // cancelled again meanwhile, so none is left running without a handle; then raises
  // CancelledError.
  Task<void> cancel_all(std::vector<TaskHandle<T>>& tasks) {
    cancel_unfinished(tasks);
    while (!all_done()) {
      try {
        co_await next();
      } catch (const CancelledError&) {
        // Cancelled again while the tasks wind down: still wait for them.
      }
    }
    throw CancelledError{};
  }

 private:
  struct Watch final : CompletionWatch {
    Completions* owner = nullptr;
    std::size_t index = 0;
    TaskState<T>* state = nullptr;
    void on_task_done() noexcept override { owner->arrived(index); }
  };

  void arrived(std::size_t i) noexcept {
    order_.push_back(i);
    if (watches_[i].state->failed()) any_failed_ = true;
    if (waiter_ != nullptr) waiter_->arrive();
  }
  void fire() noexcept override {
    timed_out_ = true;
    if (waiter_ != nullptr) waiter_->arrive();
  }

  std::vector<Watch> watches_;
  std::vector<std::size_t> order_;
  NextAwaiter* waiter_ = nullptr;
  bool any_failed_ = false;
  bool timed_out_ = false;
};

}  // namespace corio::detail
