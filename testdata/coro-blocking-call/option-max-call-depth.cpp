// CONFIG: {CheckOptions: {coro-blocking-call.MaxCallDepth: 2}}
// MaxCallDepth counts the calls of a chain, the one in the coroutine
// included: 2 allows one helper in between.
#include <minitask/minitask.hpp>
#include <unistd.h>

void one() { sleep(1); } // expected-note {{'one' calls 'sleep', which blocks}}
void two() { one(); }

mini::Task<void> handler() {
  sleep(1); // expected-warning {{'sleep' blocks}}
  one(); // expected-warning {{'one' blocks the event loop inside coroutine 'handler': it calls 'sleep'}}
  two(); // Three calls: beyond the limit.
  co_return;
}
