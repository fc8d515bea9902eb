// Without the runtime's sleep (SleepReplacement, default corio::sleep)
// declared in the translation unit there is nothing to await: the warning
// comes without a fix-it.
#include <minitask/minitask.hpp>
#include <chrono>
#include <thread>

mini::Task<void> poll_sensor() {
  std::this_thread::sleep_for(std::chrono::milliseconds(100)); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'poll_sensor'}}
  co_return;
}
