// A request handler with the mistakes from the asyncio tutorial, in C++.
// Run: scripts/lint-sample   (or: build/bin/coro-tidy sample/handler.cpp)
#include <chrono>
#include <coroutine>
#include <mutex>
#include <string>
#include <thread>

// A minimal lazy task: nothing runs until it is co_awaited.
template <class T> struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T{}; }
};

std::mutex cache_mutex;

Task<std::string> fetch_user(int id) { co_return "user"; }
Task<int> log_request(const std::string &path) { co_return 0; }

void throttle() { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }

Task<std::string> handle(int id) {
  log_request("/users");        // forgot co_await: the log never happens
  auto user = fetch_user(id);   // forgot co_await: returns a task, doesn't run
  throttle();                   // sleeps the whole event loop, through a helper
  std::lock_guard lock(cache_mutex);
  co_return co_await fetch_user(id); // suspends while holding the mutex
}
