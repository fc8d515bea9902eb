// folly::coro: collectAll is fail-fast; collectAllTry yields folly::Try<T>.
#include <folly/Try.h>
#include <folly/coro/Collect.h>
#include <folly/coro/Task.h>
#include <vector>

folly::coro::Task<int> get(int i) { co_return i; }
void log(const char *);

folly::coro::Task<int> fail_fast() {
  auto [a, b] = co_await folly::coro::collectAll(get(1), get(2)); // expected-warning {{'folly::coro::collectAll' fails fast: when one task throws, the results of the other tasks are discarded and the exception propagates out of 'fail_fast'; catch it here (catch (...) or catch (const std::exception&)), or use the settled form 'folly::coro::collectAllTry(...)' and check each result}}
  co_return a + b;
}

folly::coro::Task<int> fail_fast_range(std::vector<folly::coro::Task<int>> tasks) {
  auto values = co_await folly::coro::collectAllRange(std::move(tasks)); // expected-warning {{'folly::coro::collectAllRange' fails fast}}
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
  sum += *c; // expected-warning {{settled result 'c' is accessed with 'operator*' without being checked first: it rethrows if the task failed ('folly::coro::collectAllTry')}}
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
    sum += t.value(); // expected-warning {{settled result 't' is accessed with 'value' without being checked first}}
  co_return sum;
}

folly::coro::Task<void> settled_discarded() {
  co_await folly::coro::collectAllTry(get(1), get(2)); // expected-warning {{the settled results of 'folly::coro::collectAllTry' are discarded}}
}

// collectAll of Task<void>s yields a tuple of folly::Unit: no value to lose
// (the runtime table's NoValueTypes).
folly::coro::Task<void> step(int i);
folly::coro::Task<void> units() {
  co_await folly::coro::collectAll(step(1), step(2));
}
