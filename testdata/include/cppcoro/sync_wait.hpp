// Stand-in for cppcoro's <cppcoro/sync_wait.hpp> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <exception>
#include <cppcoro/task.hpp>

namespace cppcoro {
/// Blocks the calling thread until the awaitable completes.
template <typename Awaitable> auto sync_wait(Awaitable &&A) {
  return static_cast<Awaitable &&>(A).await_resume();
}
} // namespace cppcoro
