// CONFIG: {CheckOptions: {coro-blocking-call.SleepReplacement: 'mini::sleep'}}
// SleepReplacement names the runtime's asynchronous sleep.
#include <minitask/minitask.hpp>
#include <chrono>
#include <thread>

namespace mini {
Task<void> sleep(std::chrono::milliseconds);
}

mini::Task<void> poll_sensor() {
  std::this_thread::sleep_for(std::chrono::milliseconds(100)); // expected-warning {{blocking call to 'std::this_thread::sleep_for'}}
  co_return;
}
