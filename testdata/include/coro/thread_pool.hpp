// Stand-in for libcoro's <coro/thread_pool.hpp> // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <coro/task.hpp>

namespace coro {
class thread_pool {
public:
  /// Fire and forget: the pool owns the task.
  auto spawn_detached(task<void> &&task) noexcept -> bool;
  /// Starts the task now; the returned task joins it and must be awaited.
  auto spawn_joinable(task<void> &&task) noexcept -> coro::task<void>;
};
} // namespace coro
