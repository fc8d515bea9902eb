// concurrencpp: result<T>::wait() blocks the thread until the task is
// done; co_await the result (or its resolve()) instead. get() is not
// flagged: it is how a ready result is read (after resolve(), the results
// of when_all/when_any).
#include <concurrencpp/concurrencpp.h>
#include <chrono>
#include <memory>

using namespace std::chrono_literals;

concurrencpp::result<int> compute(int v) { co_return v; }

concurrencpp::result<int> waits(std::shared_ptr<concurrencpp::thread_pool_executor> pool,
                                concurrencpp::shared_result<int> shared,
                                concurrencpp::manual_executor &manual) {
  concurrencpp::result<int> r = pool->submit([] { return 1; });
  r.wait(); // expected-warning {{blocking call to 'concurrencpp::result::wait' in coroutine 'waits'}}
  int v = r.get(); // the result is ready here
  concurrencpp::result<int> other = compute(2);
  other.wait_for(10ms); // expected-warning {{blocking call to 'concurrencpp::result::wait_for'}}
  shared.wait(); // expected-warning {{blocking call to 'concurrencpp::shared_result::wait'}}
  v += shared.get();
  manual.wait_for_task(); // expected-warning {{blocking call to 'concurrencpp::manual_executor::wait_for_task'}}
  co_return v;
}

// Negatives: awaiting, status tests, a zero-timeout poll.
concurrencpp::result<int> awaits(std::shared_ptr<concurrencpp::thread_pool_executor> pool,
                                 concurrencpp::shared_result<int> shared) {
  concurrencpp::result<int> r = pool->submit([] { return 1; });
  if (r.status() == concurrencpp::result_status::idle)
    r.wait_for(0ms);
  int v = co_await r;
  v += co_await shared;
  concurrencpp::result<int> other = compute(2);
  auto done = co_await other.resolve();
  v += done.get(); // reads a ready result
  co_return v;
}

// Outside a coroutine get() is the way to wait.
int blocking_main() { return compute(1).get(); }
