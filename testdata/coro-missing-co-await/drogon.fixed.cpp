// drogon: Task<T> is lazy (it runs only when awaited); sleepCoro() and
// when_all() return awaiters. AsyncTask is fire-and-forget by design: a
// dropped one has already run, and is not reported; async_run() returns
// nothing.
#include <drogon/utils/coroutine.h>

drogon::Task<int> fetch();
drogon::Task<> save(int v);
drogon::AsyncTask notify() { co_return; }

drogon::Task<> handler(trantor::EventLoop *loop) {
  co_await fetch(); // expected-warning {{result of 'fetch' (type 'drogon::Task<int>') is never awaited; the lazy task never runs}}
  auto pending = save(1); // expected-warning {{'pending' holds the result of 'save' (type 'drogon::Task<>') but is never awaited; the lazy task never runs}}
  co_await drogon::sleepCoro(loop, std::chrono::duration<double>(1.0)); // expected-warning {{result of 'sleepCoro' (type 'internal::TimerAwaiter') is never awaited [coro-missing-co-await]}}
  co_await drogon::when_all(fetch(), fetch()); // expected-warning {{result of 'when_all<drogon::Task<int>, drogon::Task<int>>' (type 'internal::WhenAllAwaiter<Task<int>, Task<int>>') is never awaited}}
  co_return;
}

drogon::Task<int> right_way(trantor::EventLoop *loop) {
  int v = co_await fetch();
  co_await save(v);
  co_await drogon::sleepCoro(loop, std::chrono::duration<double>(1.0));
  auto [a, b] = co_await drogon::when_all(fetch(), fetch());
  notify();
  drogon::async_run([]() -> drogon::Task<> { co_await save(0); });
  co_return v + a + b;
}
