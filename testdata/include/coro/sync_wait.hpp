// Stand-in for libcoro's <coro/sync_wait.hpp> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <exception>
#include <coro/task.hpp>

namespace coro {
template <typename Awaitable> auto sync_wait(Awaitable &&A) {
  return static_cast<Awaitable &&>(A).await_resume();
}
} // namespace coro
