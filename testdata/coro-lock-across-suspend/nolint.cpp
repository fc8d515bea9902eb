// NOLINT and NOLINTNEXTLINE suppress the warning and its notes.
#include <minitask/minitask.hpp>
#include <mutex>
std::mutex M;
mini::Task<void> a() {
  std::lock_guard G(M); // NOLINT(coro-lock-across-suspend)
  co_await mini::sleep(1);
}
mini::Task<void> b() {
  // NOLINTNEXTLINE(coro-lock-across-suspend)
  std::lock_guard G(M);
  co_await mini::sleep(1);
}
