// concurrencpp: a lazy_result runs only when awaited (or run()); a
// result<T> coroutine starts at once, so dropping it loses its value and its
// exception; resume_on(executor) switches executors only when awaited.
// null_result coroutines are fire-and-forget by design.
#include <concurrencpp/concurrencpp.h>
#include <memory>

concurrencpp::lazy_result<int> load();
concurrencpp::result<int> compute() { co_return 1; }
concurrencpp::null_result log_line() { co_return; }

concurrencpp::result<void>
handler(std::shared_ptr<concurrencpp::thread_pool_executor> background) {
  load(); // expected-warning {{result of 'load' (type 'concurrencpp::lazy_result<int>') is never awaited; the lazy task never runs}}
  compute(); // expected-warning {{result of coroutine 'compute' (type 'concurrencpp::result<int>') is never awaited; the task has started, but its result and failure are lost}}
  concurrencpp::resume_on(background); // expected-warning {{result of 'resume_on<concurrencpp::thread_pool_executor>' (type 'details::resume_on_awaitable<thread_pool_executor>') is never awaited [coro-missing-co-await]}}
  co_return;
}

// Negatives: awaited, started with run() (a spawn function: a dropped
// handle is coro-dangling-task's finding), submit(), fire-and-forget.
concurrencpp::result<int>
right_way(std::shared_ptr<concurrencpp::thread_pool_executor> background) {
  co_await concurrencpp::resume_on(background);
  int v = co_await load();
  v += co_await compute();
  auto started = load().run();
  v += co_await started;
  auto submitted = background->submit([] { return 2; });
  v += co_await submitted;
  log_line();
  co_return v;
}
