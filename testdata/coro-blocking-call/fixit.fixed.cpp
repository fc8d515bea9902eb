// The sleep fix-it: `std::this_thread::sleep_for(d);` becomes
// `co_await corio::sleep(d);` when corio::sleep is declared.
#include <corio/corio.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

corio::Task<void> poll_sensor() {
  co_await corio::sleep(100ms); // expected-warning {{'std::this_thread::sleep_for' blocks the event loop inside coroutine 'poll_sensor'; await an asynchronous sleep}}
  for (int i = 0; i < 3; ++i) {
    co_await corio::sleep(std::chrono::milliseconds(10 * i)); // expected-warning {{'std::this_thread::sleep_for' blocks}}
  }
  // Not a whole statement: no fix-it (the value would change meaning).
  (void)(std::this_thread::sleep_for(1ms), 0); // expected-warning {{'std::this_thread::sleep_for' blocks}}
  // sleep_until has no drop-in replacement here: no fix-it.
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1ms); // expected-warning {{'std::this_thread::sleep_until' blocks}}
  co_return;
}
