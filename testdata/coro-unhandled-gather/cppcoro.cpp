// cppcoro: when_all is fail-fast; when_all_ready settles, and
// when_all_task::result() rethrows (there is no test method: it belongs in a
// try block).
#include <cppcoro/task.hpp>
#include <cppcoro/when_all.hpp>
#include <cppcoro/when_all_ready.hpp>
#include <exception>
#include <tuple>

cppcoro::task<int> get(int i) { co_return i; }

cppcoro::task<int> fail_fast() {
  auto [a, b] = co_await cppcoro::when_all(get(1), get(2)); // expected-warning {{'cppcoro::when_all' fails fast: when one task throws, the results of the other tasks are discarded and the exception propagates out of 'fail_fast'; catch it here (catch (...) or catch (const std::exception&)), or use the settled form 'cppcoro::when_all_ready(...)' and check each result}}
  co_return a + b;
}

cppcoro::task<int> fail_fast_handled() {
  try {
    auto [a, b] = co_await cppcoro::when_all(get(1), get(2));
    co_return a + b;
  } catch (const std::exception &) {
    co_return 0;
  }
}

cppcoro::task<int> settled_unchecked() {
  auto [a, b] = co_await cppcoro::when_all_ready(get(1), get(2));
  co_return a.result() + b.result(); // expected-warning {{settled result 'a' is accessed with 'result' without being checked first}} expected-warning {{settled result 'b' is accessed with 'result' without being checked first}}
}

cppcoro::task<int> settled_in_try() {
  auto [a, b] = co_await cppcoro::when_all_ready(get(1), get(2));
  int sum = 0;
  try {
    sum += a.result();
  } catch (...) {
  }
  try {
    sum += b.result();
  } catch (const std::exception &) {
  }
  co_return sum;
}

cppcoro::task<void> settled_discarded() {
  co_await cppcoro::when_all_ready(get(1), get(2)); // expected-warning {{the settled results of 'cppcoro::when_all_ready' are discarded}}
}
