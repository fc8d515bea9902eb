// libcoro: when_all settles; when_all_task::return_value() rethrows (no
// test method: it belongs in a try block).
#include <coro/task.hpp>
#include <coro/when_all.hpp>
#include <exception>
#include <tuple>

coro::task<int> get(int i) { co_return i; }

coro::task<int> unchecked() {
  auto &results = co_await coro::when_all(get(1), get(2));
  co_return std::get<0>(results).return_value() + std::get<1>(results).return_value(); // expected-warning {{settled result 'std::get<0>(results)' of 'coro::when_all' is accessed with 'return_value' on a path that does not check it}} expected-warning {{settled result 'std::get<1>(results)' of 'coro::when_all' is accessed with 'return_value' on a path that does not check it}}
}

coro::task<int> handled() {
  auto &results = co_await coro::when_all(get(1), get(2));
  try {
    co_return std::get<0>(results).return_value() + std::get<1>(results).return_value();
  } catch (const std::exception &) {
    co_return 0;
  }
}

coro::task<void> discarded() {
  co_await coro::when_all(get(1), get(2)); // expected-warning {{settled results of 'coro::when_all' are discarded with any failure they hold}}
}
