// Sleeping inside a coroutine freezes every other task of the loop.
#include <minitask/minitask.hpp>
#include <chrono>
#include <ctime>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

mini::Task<void> poll_sensor() {
  std::this_thread::sleep_for(100ms); // expected-warning {{'std::this_thread::sleep_for' blocks the event loop inside coroutine 'poll_sensor'; await an asynchronous sleep or move the call to an executor}}
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s); // expected-warning {{'std::this_thread::sleep_until' blocks the event loop inside coroutine 'poll_sensor'}}
  co_return;
}

mini::Task<int> posix_sleeps() {
  sleep(1);   // expected-warning {{'sleep' blocks the event loop inside coroutine 'posix_sleeps'}}
  ::usleep(500); // expected-warning {{'usleep' blocks the event loop}}
  timespec ts{0, 1000};
  nanosleep(&ts, nullptr); // expected-warning {{'nanosleep' blocks the event loop}}
  clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, nullptr); // expected-warning {{'clock_nanosleep' blocks the event loop}}
  co_return 0;
}

// Nested expressions: the sleep is still evaluated in the coroutine.
int ignore(int) { return 0; }
mini::Task<void> nested() {
  int r = ignore((std::this_thread::sleep_for(1ms), 1)); // expected-warning {{'std::this_thread::sleep_for' blocks the event loop inside coroutine 'nested'}}
  (void)r;
  if (true)
    std::this_thread::sleep_for(1ms); // expected-warning {{'std::this_thread::sleep_for' blocks}}
  co_return;
}
