// CONFIG: {CheckOptions: {coro-lock-across-suspend.FlowVisitsPerBlock: 1}}
// When the dataflow cannot settle within its bound, the check says so at the
// coroutine instead of silently dropping what it did not reach. One visit per
// block cannot settle a loop whose lock state changes on the back edge.
#include <coroutine>
#include <mutex>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    void return_void() {}
  };
};

std::mutex m;

Task loops(int n) { // expected-warning {{flow analysis of 'loops' stopped after}}
  // Reported on the paths the solve reached before it stopped.
  std::unique_lock<std::mutex> lk(m, std::defer_lock); // expected-warning {{'lk'}}
  for (int i = 0; i < n; ++i) {
    co_await std::suspend_always{}; // expected-note {{may still be held}}
    lk.lock();
  }
}
