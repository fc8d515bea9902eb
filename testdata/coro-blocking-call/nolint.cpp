// Suppression with NOLINT / NOLINTNEXTLINE.
#include <minitask/minitask.hpp>
#include <unistd.h>

mini::Task<void> handler() {
  sleep(1); // NOLINT(coro-blocking-call)
  // NOLINTNEXTLINE(coro-blocking-call)
  usleep(1);
  sleep(2); // expected-warning {{blocking call to 'sleep'}}
  co_return;
}
