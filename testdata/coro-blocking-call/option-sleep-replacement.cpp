// CONFIG: {CheckOptions: {coro-blocking-call.SleepReplacement: 'mintask::sleep'}}
// SleepReplacement names the runtime's asynchronous sleep.
#include <mintask/task.hpp>
#include <chrono>
#include <thread>

namespace mintask {
Task<void> sleep(std::chrono::milliseconds);
}

mintask::Task<void> poll_sensor() {
  std::this_thread::sleep_for(std::chrono::milliseconds(100)); // expected-warning {{'std::this_thread::sleep_for' blocks}}
  co_return;
}
