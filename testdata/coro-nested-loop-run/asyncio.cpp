// netcan/asyncio, the asyncio-shaped clone: asyncio::run() runs the loop
// until its task completes, like Python's asyncio.run().
#include <asyncio/runner.h>
#include <asyncio/task.h>

asyncio::Task<int> work();

asyncio::Task<int> handler() {
  int v = asyncio::run(work()); // expected-warning {{call to event loop entry point 'asyncio::run' in coroutine 'handler'}}
  asyncio::get_event_loop().run_until_complete(); // expected-warning {{call to event loop entry point 'asyncio::EventLoop::run_until_complete'}}
  co_return v;
}

// Negatives.
asyncio::Task<int> awaits() { co_return co_await work(); }
int main() { return asyncio::run(awaits()); }
