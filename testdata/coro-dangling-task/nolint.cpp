// Suppression with NOLINT / NOLINTNEXTLINE.
#include <corio/corio.hpp>

corio::Task<void> log_event() { co_return; }

corio::Task<void> suppressed() {
  corio::create_task(log_event()); // NOLINT(coro-dangling-task)
  // NOLINTNEXTLINE(coro-dangling-task)
  auto handle = corio::create_task(log_event());
  co_return;
}
