// A synchronous generator (a range whose iterator resumes the coroutine,
// std::generator's shape) runs inside whatever iterates it, like a plain
// function: its blocking calls are reported where a coroutine iterates it,
// not in the generator itself. An asynchronous generator (its begin() is
// awaited) runs on the event loop: reported in its own body.
#include <chrono>
#include <coroutine>
#include <exception>
#include <fstream>
#include <minitask/minitask.hpp>
#include <string>
#include <thread>
#include <utility>

using namespace std::chrono_literals;

mini::Generator<int> read_numbers(const char *path) {
  std::ifstream in(path); // a blocking open, run by whoever iterates
  for (int n; in >> n;)
    co_yield n;
}

int sum_in_main(const char *path) {
  int total = 0;
  for (int n : read_numbers(path)) // plain code: nothing to report
    total += n;
  return total;
}

mini::Task<int> sum_in_a_coroutine(const char *path) {
  int total = 0;
  for (int n : read_numbers(path)) // expected-warning {{call to 'read_numbers' in coroutine 'sum_in_a_coroutine' can reach a blocking call to the constructor of 'std::ifstream'}} expected-note@-14 {{'read_numbers' calls the constructor of 'std::ifstream', which can block}}
    total += n;
  co_return total;
}

mini::Generator<int> ticks() {
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(1ms); // paced for its consumer
    co_yield i;
  }
}

// An asynchronous generator: begin() and ++ are awaited, so its body runs
// on the consumer's event loop like any coroutine.
template <class T> class AsyncGen {
public:
  struct promise_type {
    T current{};
    AsyncGen get_return_object() {
      return AsyncGen{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) noexcept { current = v; return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  struct begin_operation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    int await_resume() noexcept { return 0; }
  };
  explicit AsyncGen(std::coroutine_handle<promise_type> h) : h(h) {}
  AsyncGen(AsyncGen &&o) noexcept : h(std::exchange(o.h, {})) {}
  ~AsyncGen() { if (h) h.destroy(); }
  begin_operation begin() { return {}; }

private:
  std::coroutine_handle<promise_type> h;
};

AsyncGen<int> async_ticks() {
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'async_ticks'}}
    co_yield i;
  }
}
