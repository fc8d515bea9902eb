// CONFIG: {CheckOptions: {coro-blocking-call.MaxCallDepth: 1}}
// MaxCallDepth 1: direct calls only.
#include <mintask/task.hpp>
#include <unistd.h>

void one() { sleep(1); }

mintask::Task<void> handler() {
  sleep(1); // expected-warning {{'sleep' blocks}}
  one();
  co_return;
}
