// Coroutine lambdas are coroutines; lambdas handed to executors or threads
// are not the coroutine's body.
#include <corio/corio.hpp>
#include <chrono>
#include <future>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

auto handler = []() -> corio::Task<void> {
  std::this_thread::sleep_for(10ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
  co_return;
};

corio::Task<int> outer() {
  // A coroutine lambda nested in a coroutine is checked as its own
  // coroutine, once.
  auto inner = [](int fd) -> corio::Task<int> {
    char c;
    co_return static_cast<int>(read(fd, &c, 1)); // expected-warning {{blocking call to 'read' in coroutine lambda}}
  };
  // Lambdas run elsewhere: on the executor, on a thread, by std::async.
  int a = co_await corio::run_in_executor([] {
    std::this_thread::sleep_for(1s);
    return 1;
  });
  std::thread t([] { sleep(1); });
  t.detach();
  auto f = std::async(std::launch::async, [] { return usleep(5); });
  (void)f;
  // A lambda stored for later is not called here.
  auto later = [] { sleep(1); };
  (void)later;
  co_return a + co_await inner(0);
}

// A generic coroutine lambda: checked in its instantiation.
auto generic = [](auto delay) -> corio::Task<void> {
  std::this_thread::sleep_for(delay); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
  co_return;
};
corio::Task<void> use_generic() { co_await generic(1ms); }

// A lambda that is not a coroutine may block: it runs wherever it is called.
auto plain = [] { sleep(1); };
