// CONFIG: {CheckOptions: {coro-blocking-call.BlockingFunctions: 'app::blocking_io'}}
// BlockingFunctions replaces the built-in list.
#include <minitask/minitask.hpp>
#include <chrono>
#include <thread>

namespace app {
void blocking_io();
}

mini::Task<void> handler() {
  std::this_thread::sleep_for(std::chrono::seconds(1)); // No longer listed.
  app::blocking_io(); // expected-warning {{blocking call to 'app::blocking_io' in coroutine 'handler'}}
  co_return;
}
