// concurrencpp: when_all() and when_any() hand back the children's
// result<T>s, each holding a value or an exception: discarding them loses
// every failure.
#include <concurrencpp/concurrencpp.h>
#include <memory>
#include <tuple>

concurrencpp::result<int> compute(int v);

concurrencpp::result<void>
discarded(std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  co_await concurrencpp::when_all(ex, compute(1), compute(2)); // expected-warning {{settled results of 'concurrencpp::when_all' are discarded with any failure they hold}}
  co_await concurrencpp::when_any(ex, compute(1), compute(2)); // expected-warning {{settled results of 'concurrencpp::when_any' are discarded with any failure they hold}}
}

concurrencpp::result<int>
kept(std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  auto results = co_await concurrencpp::when_all(ex, compute(1), compute(2));
  auto &first = std::get<0>(results);
  if (first.status() != concurrencpp::result_status::value)
    co_return -1;
  co_return co_await first;
}
