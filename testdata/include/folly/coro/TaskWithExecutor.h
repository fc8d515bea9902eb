// Stand-in for folly's TaskWithExecutor (declared in <folly/coro/Task.h>
// upstream; a separate file here) // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <folly/coro/Task.h>
#include <folly/futures/Future.h>

namespace folly::coro {
template <typename T = void> class TaskWithExecutor {
public:
  TaskWithExecutor(TaskWithExecutor &&) noexcept;
  /// Starts the task on its executor; the SemiFuture completes with it.
  SemiFuture<T> start() &&;
  template <typename F> void start(F &&tryCallback) && {}
  SemiFuture<T> startInlineUnsafe() &&;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
/// Task<T>::scheduleOn(ex) upstream; a free function here so that the
/// Task stand-in stays as it is.
template <typename T> TaskWithExecutor<T> co_withExecutor(Executor *, Task<T>);
} // namespace folly::coro
