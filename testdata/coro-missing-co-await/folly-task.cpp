// folly::coro::Task has no awaiter of its own: it is awaitable only in a
// folly coroutine, whose promise's await_transform accepts it. Nothing runs
// until it is awaited, so a dropped Task is lost work wherever it is made.
#include <folly/coro/FutureUtil.h>
#include <folly/coro/Invoke.h>
#include <folly/coro/Sleep.h>
#include <folly/coro/Task.h>
#include <minitask/minitask.hpp>
#include <chrono>

folly::coro::Task<int> fetch(int id);
folly::coro::Task<void> flush();

class Service {
public:
  virtual ~Service();
  virtual folly::coro::Task<void> refresh();
};

template <typename T> class Cache {
public:
  folly::coro::Task<T> load(int key);
};

folly::coro::Task<void> handler(Service &service, Cache<int> &cache) {
  fetch(1); // expected-warning {{result of 'fetch' (type 'folly::coro::Task<int>') is never awaited; the lazy task never runs}}
  auto pending = fetch(2); // expected-warning {{'pending' holds the result of 'fetch' (type 'folly::coro::Task<int>') but is never awaited; the lazy task never runs}}
  folly::coro::sleep(std::chrono::seconds(1)); // expected-warning {{result of 'sleep' (type 'Task<void>') is never awaited; the lazy task never runs}}
  service.refresh(); // expected-warning {{result of 'Service::refresh' (type 'folly::coro::Task<void>') is never awaited}}
  cache.load(3); // expected-warning {{result of 'Cache::load' (type 'folly::coro::Task<int>') is never awaited}}
  folly::coro::co_invoke([]() -> folly::coro::Task<void> { co_return; }); // expected-warning {{result of 'co_invoke' (type 'folly::coro::Task<>') is never awaited; the lazy task never runs}}
  co_await flush();
}

// A task converted into a SemiFuture has not started: the SemiFuture only
// starts it once it is given an executor. No fix-it: get(), via() or
// co_await is the author's choice.
folly::coro::Task<void> converted() {
  fetch(4).semi(); // expected-warning {{result of 'Task::semi' (type 'folly::SemiFuture<int>') is never awaited; the lazy task never runs}}
  folly::coro::toSemiFuture(fetch(5)); // expected-warning {{result of 'toSemiFuture<int>' (type 'folly::SemiFuture<int>') is never awaited; the lazy task never runs}}
  co_return;
}

// In a coroutine of another runtime, co_await of a folly Task would not
// compile: the finding stays, without a fix-it.
mini::Task<void> other_runtime() {
  fetch(6); // expected-warning {{result of 'fetch' (type 'folly::coro::Task<int>') is never awaited; the lazy task never runs}} expected-note {{no fix-it: the promise of 'other_runtime' cannot co_await it}}
  co_return;
}

// Outside coroutines: the task never runs either.
void plain() {
  fetch(7); // expected-warning {{result of 'fetch' (type 'folly::coro::Task<int>') is never awaited; the lazy task never runs}} expected-note {{no fix-it: 'plain' is not a coroutine}}
}
