// Sleeping inside a coroutine freezes every other task of the loop.
#include <minitask/minitask.hpp>
#include <chrono>
#include <ctime>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

mini::Task<void> poll_sensor() {
  std::this_thread::sleep_for(100ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'poll_sensor'}}
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s); // expected-warning {{blocking call to 'std::this_thread::sleep_until' in coroutine 'poll_sensor'}}
  co_return;
}

mini::Task<int> posix_sleeps() {
  sleep(1);   // expected-warning {{blocking call to 'sleep' in coroutine 'posix_sleeps'}}
  ::usleep(500); // expected-warning {{blocking call to 'usleep'}}
  timespec ts{0, 1000};
  nanosleep(&ts, nullptr); // expected-warning {{blocking call to 'nanosleep'}}
  clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, nullptr); // expected-warning {{blocking call to 'clock_nanosleep'}}
  co_return 0;
}

// Nested expressions: the sleep is still evaluated in the coroutine.
int ignore(int) { return 0; }
mini::Task<void> nested() {
  int r = ignore((std::this_thread::sleep_for(1ms), 1)); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'nested'}}
  (void)r;
  if (true)
    std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for'}}
  co_return;
}
