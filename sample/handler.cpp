// A request handler with the mistakes from the asyncio tutorial, in C++.
// Run: scripts/lint-sample   (or: build/bin/coro-tidy sample/handler.cpp)
#include <coroutine>
#include <string>

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

Task<std::string> fetch_user(int id) { co_return "user"; }
Task<int> log_request(const std::string &path) { co_return 0; }

Task<std::string> handle(int id) {
  log_request("/users");        // forgot co_await: the log never happens
  auto user = fetch_user(id);   // forgot co_await: returns a task, doesn't run
  co_return "ok";
}
