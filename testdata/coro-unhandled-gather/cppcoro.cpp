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
  auto [a, b] = co_await cppcoro::when_all(get(1), get(2)); // expected-warning {{'cppcoro::when_all' fails fast and is awaited outside a try block that catches std::exception in coroutine 'fail_fast'}} expected-note {{the settled form 'cppcoro::when_all_ready(...)'}}
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
  co_return a.result() + b.result(); // expected-warning {{settled result 'a' of 'cppcoro::when_all_ready' is accessed with 'result' on a path that does not check it}} expected-warning {{settled result 'b' of 'cppcoro::when_all_ready' is accessed with 'result' on a path that does not check it}}
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
  co_await cppcoro::when_all_ready(get(1), get(2)); // expected-warning {{settled results of 'cppcoro::when_all_ready' are discarded with any failure they hold}}
}
