// concurrencpp: executor::submit() queues the task and returns the
// result<T> of the running task; lazy_result::run() starts a lazy task and
// returns its result. Dropping either loses the task's value and exception.
#include <concurrencpp/concurrencpp.h>
#include <memory>

concurrencpp::lazy_result<int> load();

void positives(std::shared_ptr<concurrencpp::thread_pool_executor> pool,
               std::shared_ptr<concurrencpp::thread_executor> thread) {
  pool->submit([] { return 1; }); // expected-warning {{handle of the task started by 'concurrencpp::derivable_executor::submit' is discarded}}
  thread->submit([] { return 2; }); // expected-warning {{handle of the task started by 'concurrencpp::derivable_executor::submit' is discarded}}
  load().run(); // expected-warning {{handle of the task started by 'concurrencpp::lazy_result::run' is discarded}}
}

concurrencpp::result<int>
negatives(std::shared_ptr<concurrencpp::thread_pool_executor> pool) {
  auto r = pool->submit([] { return 1; });
  pool->post([] {});
  auto started = load().run();
  co_return co_await r + co_await started;
}
