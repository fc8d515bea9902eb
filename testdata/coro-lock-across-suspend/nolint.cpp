// NOLINT and NOLINTNEXTLINE suppress the warning and its notes.
#include <mintask/task.hpp>
#include <mutex>
std::mutex M;
mintask::Task<void> a() {
  std::lock_guard G(M); // NOLINT(coro-lock-across-suspend)
  co_await mintask::sleep(1);
}
mintask::Task<void> b() {
  // NOLINTNEXTLINE(coro-lock-across-suspend)
  std::lock_guard G(M);
  co_await mintask::sleep(1);
}
