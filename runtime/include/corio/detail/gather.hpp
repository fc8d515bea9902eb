// The awaiters behind gather(): every child started as its own task, completions counted, and on
// the first failure (fail-fast) the siblings cancelled and still awaited.
#pragma once

#include <array>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "corio/detail/context.hpp"
#include "corio/detail/promise_base.hpp"
#include "corio/errors.hpp"
#include "corio/result.hpp"
#include "corio/task.hpp"
#include "corio/task_handle.hpp"

namespace corio::detail {

template <class T>
using gathered_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

// The type-independent part: starts every child as its own task (so each can be cancelled alone),
// counts completions, and on the first failure (fail-fast mode) cancels the siblings and still
// waits for them, so no child outlives the gather.
class GatherCore : public Waiter {
 public:
  class Child final : public TaskContext {
   public:
    std::coroutine_handle<> on_root_complete() noexcept override {
      return owner_->child_done(aux_);
    }
    const char* name() const noexcept override { return owner_->promise_of(aux_).name(); }

   private:
    friend class GatherCore;
    GatherCore* owner_ = nullptr;
  };

  void interrupt() noexcept override {
    cancelled_ = true;
    cancel_running();
  }

 protected:
  explicit GatherCore(bool fail_fast) noexcept : fail_fast_(fail_fast) {}
  GatherCore(const GatherCore&) = delete;
  GatherCore& operator=(const GatherCore&) = delete;
  ~GatherCore() = default;

  virtual std::coroutine_handle<> handle_of(std::size_t i) noexcept = 0;
  virtual PromiseBase& promise_of(std::size_t i) noexcept = 0;

  template <class Promise>
  bool start(std::coroutine_handle<Promise> parent, Child* children, std::size_t count) {
    parent_ = parent;
    parent_task_ = context_of(parent);
    children_ = children;
    if (parent_task_ != nullptr && parent_task_->consume_cancel()) {
      cancelled_ = true;  // cancelled before anything started: nothing runs
      return false;
    }
    remaining_ = count + 1;  // +1 keeps the parent suspended until every child has started
    for (std::size_t i = 0; i < count; ++i) {
      if (failed_) {  // fail-fast: a child failed synchronously; the rest never start
        remaining_ -= count - i;
        break;
      }
      children[i].owner_ = this;
      children[i].aux_ = static_cast<std::uint32_t>(i);
      promise_of(i).make_root(&children[i]);
      started_ = i + 1;
      handle_of(i).resume();  // runs until its first suspension
    }
    if (--remaining_ == 0) return false;
    if (parent_task_ != nullptr) parent_task_->set_waiter(this);
    return true;
  }

  // Rethrows what the gather as a whole raises: cancellation, or the first failure (fail-fast).
  void rethrow_if_failed() {
    if (cancelled_) throw CancelledError{};
    if (failed_) std::rethrow_exception(promise_of(first_failure_).error());
  }

 private:
  std::coroutine_handle<> child_done(std::size_t index) noexcept {
    if (fail_fast_ && !failed_ && promise_of(index).error()) {
      failed_ = true;
      first_failure_ = index;
      cancel_running(index);
    }
    if (--remaining_ == 0) {
      if (parent_task_ != nullptr) parent_task_->clear_waiter(this);
      return parent_;
    }
    return std::noop_coroutine();
  }

  void cancel_running(std::size_t except = static_cast<std::size_t>(-1)) noexcept {
    for (std::size_t j = 0; j < started_; ++j) {
      if (j != except && !handle_of(j).done()) children_[j].cancel();
    }
  }

  std::coroutine_handle<> parent_;
  TaskContext* parent_task_ = nullptr;
  Child* children_ = nullptr;
  std::size_t remaining_ = 0;
  std::size_t started_ = 0;
  std::size_t first_failure_ = 0;
  bool fail_fast_;
  bool failed_ = false;
  bool cancelled_ = false;
};

template <bool Settled, class T>
auto take_gathered(typename Task<T>::promise_type& promise) {
  if constexpr (Settled) {
    using R = Result<gathered_t<T>>;
    if (promise.error()) return R::failure(promise.error());
    if constexpr (std::is_void_v<T>) return R(std::monostate{});
    else return R(promise.take());
  } else if constexpr (std::is_void_v<T>) {
    promise.take();
    return std::monostate{};
  } else {
    return promise.take();
  }
}

template <bool Settled, class... Ts>
class GatherTuple final : public GatherCore {
 public:
  explicit GatherTuple(Task<Ts>&&... tasks) : GatherCore(!Settled), tasks_(std::move(tasks)...) {
    fill(std::index_sequence_for<Ts...>{});
  }

  bool await_ready() const noexcept { return sizeof...(Ts) == 0; }
  template <class Promise>
  bool await_suspend(std::coroutine_handle<Promise> parent) {
    return start(parent, children_.data(), sizeof...(Ts));
  }
  auto await_resume() {
    rethrow_if_failed();
    return collect(std::index_sequence_for<Ts...>{});
  }

 private:
  std::coroutine_handle<> handle_of(std::size_t i) noexcept override { return handles_[i]; }
  PromiseBase& promise_of(std::size_t i) noexcept override { return *promises_[i]; }

  template <std::size_t... I>
  void fill(std::index_sequence<I...>) noexcept {
    ((handles_[I] = std::get<I>(tasks_).handle(), promises_[I] = &std::get<I>(tasks_).handle().promise()), ...);
  }
  template <std::size_t... I>
  auto collect(std::index_sequence<I...>) {
    using Out = std::conditional_t<Settled, std::tuple<Result<gathered_t<Ts>>...>,
                                   std::tuple<gathered_t<Ts>...>>;
    return Out{take_gathered<Settled, Ts>(std::get<I>(tasks_).handle().promise())...};
  }

  // Contexts are declared first so that they outlive the task frames that point at them.
  std::array<Child, sizeof...(Ts)> children_;
  std::array<std::coroutine_handle<>, sizeof...(Ts)> handles_;
  std::array<PromiseBase*, sizeof...(Ts)> promises_;
  std::tuple<Task<Ts>...> tasks_;
};

template <bool Settled, class T>
class GatherVector final : public GatherCore {
 public:
  explicit GatherVector(std::vector<Task<T>>&& tasks)
      : GatherCore(!Settled), children_(std::make_unique<Child[]>(tasks.size())), tasks_(std::move(tasks)) {}

  bool await_ready() const noexcept { return tasks_.empty(); }
  template <class Promise>
  bool await_suspend(std::coroutine_handle<Promise> parent) {
    return start(parent, children_.get(), tasks_.size());
  }
  auto await_resume() {
    rethrow_if_failed();
    using Element = std::conditional_t<Settled, Result<gathered_t<T>>, gathered_t<T>>;
    std::vector<Element> out;
    out.reserve(tasks_.size());
    for (auto& task : tasks_) out.push_back(take_gathered<Settled, T>(task.handle().promise()));
    return out;
  }

 private:
  std::coroutine_handle<> handle_of(std::size_t i) noexcept override { return tasks_[i].handle(); }
  PromiseBase& promise_of(std::size_t i) noexcept override { return tasks_[i].handle().promise(); }

  std::unique_ptr<Child[]> children_;
  std::vector<Task<T>> tasks_;
};

// A spawned task's result as a Task, so that handles can be gathered like coroutines.
template <class T>
Task<T> join(TaskHandle<T> handle) {
  try {
    if constexpr (std::is_void_v<T>) {
      co_await handle;
      co_return;
    } else {
      co_return co_await handle;
    }
  } catch (const CancelledError&) {
    // The gather cancelled this join (a sibling failed first, or the gather itself was cancelled).
    // Awaiting a handle waits for the task, so it has finished by now, perhaps with a failure of its
    // own raised in the same loop step: the gather retrieved that one too (asyncio's gather marks
    // every child's exception retrieved), so it is not reported as never retrieved.
    if (handle.done()) static_cast<void>(handle.exception());
    throw;
  }
}

template <class T>
std::vector<Task<T>> join_all(std::vector<TaskHandle<T>>&& handles) {
  std::vector<Task<T>> tasks;
  tasks.reserve(handles.size());
  for (auto& h : handles) tasks.push_back(join(std::move(h)));
  return tasks;
}

}  // namespace corio::detail
