// folly::coro: collectAll is fail-fast; collectAllTry yields folly::Try<T>.
#include <folly/Try.h>
#include <folly/coro/Collect.h>
#include <folly/coro/Task.h>
#include <vector>

folly::coro::Task<int> get(int i) { co_return i; }
void log(const char *);

folly::coro::Task<int> fail_fast() {
  auto [a, b] = co_await folly::coro::collectAll(get(1), get(2)); // expected-warning {{'folly::coro::collectAll' fails fast and is awaited outside a try block that catches std::exception in coroutine 'fail_fast'}} expected-note {{the settled form 'folly::coro::collectAllTry(...)'}}
  co_return a + b;
}

folly::coro::Task<int> fail_fast_range(std::vector<folly::coro::Task<int>> tasks) {
  auto values = co_await folly::coro::collectAllRange(std::move(tasks)); // expected-warning {{'folly::coro::collectAllRange' fails fast}} expected-note {{the settled form 'folly::coro::collectAllTry(...)'}}
  co_return static_cast<int>(values.size());
}

folly::coro::Task<int> fail_fast_handled() {
  try {
    auto [a, b] = co_await folly::coro::collectAll(get(1), get(2));
    co_return a + b;
  } catch (...) {
    co_return 0;
  }
}

folly::coro::Task<int> settled() {
  auto [a, b, c] = co_await folly::coro::collectAllTry(get(1), get(2), get(3));
  int sum = 0;
  if (a.hasValue())
    sum += a.value();
  if (b.hasException()) {
    log("b failed");
    co_return sum;
  }
  sum += *b;
  sum += *c; // expected-warning {{settled result 'c' of 'folly::coro::collectAllTry' is accessed with 'operator*' on a path that does not check it}}
  co_return sum;
}

folly::coro::Task<int> settled_range(std::vector<folly::coro::Task<int>> tasks) {
  auto results = co_await folly::coro::collectAllTryRange(std::move(tasks));
  int sum = 0;
  for (auto &t : results) {
    if (t.hasException())
      continue;
    sum += t.value();
  }
  for (auto &t : results)
    sum += t.value(); // expected-warning {{settled result 't' of 'folly::coro::collectAllTryRange' is accessed with 'value' on a path that does not check it}}
  co_return sum;
}

folly::coro::Task<void> settled_discarded() {
  co_await folly::coro::collectAllTry(get(1), get(2)); // expected-warning {{settled results of 'folly::coro::collectAllTry' are discarded with any failure they hold}}
}

// collectAll of Task<void>s yields a tuple of folly::Unit: no value to lose
// (the runtime table's NoValueTypes).
folly::coro::Task<void> step(int i);
folly::coro::Task<void> units() {
  co_await folly::coro::collectAll(step(1), step(2));
}
