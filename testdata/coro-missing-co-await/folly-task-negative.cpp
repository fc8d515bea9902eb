// folly::coro::Task used as folly's documentation shows: awaited in folly
// coroutines, bound to an executor and started, converted to a SemiFuture
// that is kept or waited on, or run with blockingWait from plain code.
#include <folly/coro/BlockingWait.h>
#include <folly/coro/Collect.h>
#include <folly/coro/FutureUtil.h>
#include <folly/coro/Invoke.h>
#include <folly/coro/Sleep.h>
#include <folly/coro/Task.h>
#include <chrono>
#include <coroutine>
#include <utility>
#include <vector>

folly::coro::Task<int> fetch(int id);
folly::coro::Task<void> flush();

folly::coro::Task<int> awaited() {
  int a = co_await fetch(1);
  co_await flush();
  co_await folly::coro::sleep(std::chrono::milliseconds(5));
  auto later = fetch(2);
  a += co_await std::move(later);
  co_await folly::coro::co_invoke([a]() -> folly::coro::Task<void> {
    (void)a;
    co_return;
  });
  auto [x, y] = co_await folly::coro::collectAll(fetch(3), fetch(4));
  co_return a + x + y;
}

// Kept, handed on, or returned: the caller awaits it.
folly::coro::Task<int> forwarded() { return fetch(5); }
std::vector<folly::coro::Task<int>> batch() {
  std::vector<folly::coro::Task<int>> tasks;
  tasks.push_back(fetch(6));
  return tasks;
}

// Started on an executor, or converted and then used.
void started(folly::Executor *executor) {
  auto running = folly::coro::co_withExecutor(executor, fetch(7)).start();
  auto future = fetch(8).semi().via(executor);
  auto semi = folly::coro::toSemiFuture(fetch(9));
  int value = std::move(semi).get();
  (void)value;
}

// Plain code that runs a task to completion.
int main_like() { return folly::coro::blockingWait(fetch(10)); }

// Cast to void on purpose (AllowCastToVoid, on by default).
folly::coro::Task<void> dropped_on_purpose() {
  (void)fetch(11);
  co_return;
}

// A coroutine type with no awaiter that starts at once is not work a caller
// can lose: nothing to await.
struct FireAndForget {
  struct promise_type {
    FireAndForget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
FireAndForget detached() { co_return; }
void spawns() { detached(); }
