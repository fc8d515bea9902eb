// Stand-in for libcoro's <coro/thread_pool.hpp> // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <coro/task.hpp>

namespace coro {
class thread_pool {
public:
  /// co_await tp.schedule() resumes the coroutine on a pool thread.
  class schedule_operation {
  public:
    auto await_ready() noexcept -> bool { return false; }
    auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept
        -> void;
    auto await_resume() noexcept -> void {}
  };
  [[nodiscard]] auto schedule() -> schedule_operation;
  [[nodiscard]] auto yield() -> schedule_operation { return schedule(); }
  /// Fire and forget: the pool owns the task.
  auto spawn_detached(task<void> &&task) noexcept -> bool;
  /// Starts the task now; the returned task joins it and must be awaited.
  auto spawn_joinable(task<void> &&task) noexcept -> coro::task<void>;
  /// Awaits schedule(), then the task: the task runs on the pool.
  template <typename return_type>
  [[nodiscard]] auto schedule(coro::task<return_type> task)
      -> coro::task<return_type>;
};
} // namespace coro
