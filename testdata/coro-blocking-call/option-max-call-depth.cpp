// CONFIG: {CheckOptions: {coro-blocking-call.MaxCallDepth: 2}}
// MaxCallDepth counts the calls of a chain, the one in the coroutine
// included: 2 allows one helper in between.
#include <minitask/minitask.hpp>
#include <unistd.h>

void one() { sleep(1); } // expected-note {{'one' calls 'sleep', which can block}}
void two() { one(); }

mini::Task<void> handler() {
  sleep(1); // expected-warning {{blocking call to 'sleep'}}
  one(); // expected-warning {{call to 'one' in coroutine 'handler' can reach a blocking call to 'sleep'}}
  two(); // Three calls: beyond the limit.
  co_return;
}
