// Stand-in for folly's <folly/coro/Task.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes, no code
// from the project.
//
// The shape that matters: Task<T> has a promise but no awaiter of its own
// (no operator co_await, no await_* members). It is awaitable only inside a
// folly coroutine, whose promise's await_transform passes every operand to
// co_viaIfAsync: Task's hidden friend turns it into an awaiter bound to the
// awaiting coroutine's executor. TaskWithExecutor is awaitable by itself.
#pragma once
#include <coroutine>
#include <exception>
#include <folly/Executor.h>
#include <folly/Unit.h>
#include <folly/futures/Future.h>

namespace folly::coro {
template <typename T = void> class Task;
template <typename T = void> class TaskWithExecutor;

/// ViaIfAsync.h upstream: an operand that is awaitable by itself is
/// awaited as it is (the customisation point's default).
template <typename Awaitable>
  requires requires(Awaitable &&A) { A.await_ready(); } ||
           requires(Awaitable &&A) {
             static_cast<Awaitable &&>(A).operator co_await();
           }
Awaitable &&co_viaIfAsync(Executor::KeepAlive<>, Awaitable &&A) noexcept {
  return static_cast<Awaitable &&>(A);
}

namespace detail {
/// BasePromise.h upstream: the await_transform of every folly coroutine.
template <typename TailStorage = Unit> class BasePromise {
public:
  template <typename Awaitable> auto await_transform(Awaitable &&awaitable) {
    return co_viaIfAsync(executor_.get_alias(),
                         static_cast<Awaitable &&>(awaitable));
  }

protected:
  Executor::KeepAlive<> executor_;
};

class TaskPromiseBase : public BasePromise<> {
public:
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept;
  using BasePromise<>::await_transform;
};

template <typename Promise, typename T>
class TaskPromiseCrtpBase : public TaskPromiseBase {
public:
  Task<T> get_return_object() noexcept;
  using TaskPromiseBase::await_transform;
};

template <typename T>
class TaskPromise final : public TaskPromiseCrtpBase<TaskPromise<T>, T> {
public:
  using StorageType = T;
  template <typename U = T> void return_value(U &&value);
};

template <>
class TaskPromise<void> final
    : public TaskPromiseCrtpBase<TaskPromise<void>, void> {
public:
  using StorageType = void;
  void return_void() noexcept;
};
} // namespace detail

namespace detail::adl {
void co_withExecutor();
/// The customisation point: calls the operand's hidden friend.
struct WithExecutorFunction {
  template <typename Awaitable>
  auto operator()(Executor::KeepAlive<> executor, Awaitable awaitable) const
      -> decltype(co_withExecutor(static_cast<Executor::KeepAlive<> &&>(
                                      executor),
                                  static_cast<Awaitable &&>(awaitable)));
};
} // namespace detail::adl

/// FOLLY_DEFINE_CPO upstream: the object lives in a nested namespace, so
/// that it does not clash with the hidden friends of the same name.
namespace folly_cpo__ {
inline constexpr detail::adl::WithExecutorFunction co_withExecutor{};
} // namespace folly_cpo__
using namespace folly_cpo__;

template <typename T> class [[nodiscard]] TaskWithExecutor {
  class Awaiter {
  public:
    bool await_ready() noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    T await_resume();
  };

public:
  TaskWithExecutor(TaskWithExecutor &&t) noexcept;
  ~TaskWithExecutor();
  Executor *executor() const noexcept;
  /// Starts the task on its executor; the SemiFuture completes with it.
  SemiFuture<lift_unit_t<T>> start() &&;
  template <typename F> void start(F &&tryCallback) && {}
  SemiFuture<lift_unit_t<T>> startInlineUnsafe() &&;
  Awaiter operator co_await() && noexcept;
};

template <typename T> class Task {
public:
  using promise_type = detail::TaskPromise<T>;
  using StorageType = typename promise_type::StorageType;

private:
  class Awaiter {
  public:
    bool await_ready() noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    T await_resume();
  };

public:
  Task(const Task &t) = delete;
  Task(Task &&t) noexcept;
  ~Task();
  Task &operator=(Task t) noexcept;

  /// Binds the task to an executor: `co_withExecutor(executor, task())`.
  friend TaskWithExecutor<T> co_withExecutor(Executor::KeepAlive<> executor,
                                             Task task) noexcept;
  [[deprecated("Legacy form, prefer `co_withExecutor(exec, yourTask())`.")]]
  TaskWithExecutor<T> scheduleOn(Executor::KeepAlive<> executor) && noexcept;

  /// A SemiFuture that starts the task once it is given an executor.
  SemiFuture<lift_unit_t<StorageType>> semi() &&;

  /// The awaiting coroutine's promise turns a Task into its Awaiter here.
  friend auto co_viaIfAsync(Executor::KeepAlive<> executor,
                            Task<T> &&t) noexcept {
    return Awaiter{};
  }
};
} // namespace folly::coro
