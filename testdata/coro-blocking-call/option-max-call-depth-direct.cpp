// CONFIG: {CheckOptions: {coro-blocking-call.MaxCallDepth: 1}}
// MaxCallDepth 1: direct calls only.
#include <minitask/minitask.hpp>
#include <unistd.h>

void one() { sleep(1); }

mini::Task<void> handler() {
  sleep(1); // expected-warning {{blocking call to 'sleep'}}
  one();
  co_return;
}
