// The sleep fix-it: `std::this_thread::sleep_for(d);` becomes
// `co_await corio::sleep(d);` when corio::sleep is declared.
#include <corio/corio.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

corio::Task<void> poll_sensor() {
  std::this_thread::sleep_for(100ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'poll_sensor'}}
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10 * i)); // expected-warning {{blocking call to 'std::this_thread::sleep_for'}}
  }
  // Not a whole statement: no fix-it (the value would change meaning).
  (void)(std::this_thread::sleep_for(1ms), 0); // expected-warning {{blocking call to 'std::this_thread::sleep_for'}}
  // sleep_until has no drop-in replacement here: no fix-it.
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_until'}}
  co_return;
}
