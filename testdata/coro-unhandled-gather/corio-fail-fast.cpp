// Part (a): a fail-fast gather awaited with no handler in the same coroutine.
#include <corio/corio.hpp>
#include <stdexcept>
#include <vector>

corio::Task<int> fetch(int id) { co_return id; }
corio::Task<void> ping() { co_return; }

corio::Task<int> no_handler() {
  auto [a, b] = co_await corio::gather(fetch(1), fetch(2)); // expected-warning {{'corio::gather' fails fast and is awaited outside a try block that catches std::exception in coroutine 'no_handler'}} expected-note {{the settled form 'corio::gather(corio::return_exceptions, ...)'}}
  co_return a + b;
}

corio::Task<void> statement_form() {
  co_await corio::gather(fetch(1), fetch(2)); // expected-warning {{'corio::gather' fails fast}} expected-note {{the settled form 'corio::gather(corio::return_exceptions, ...)'}}
}

corio::Task<int> returned_to_caller() {
  auto values = co_await corio::gather(std::vector<corio::Task<int>>{}); // expected-warning {{'corio::gather' fails fast}} expected-note {{the settled form 'corio::gather(corio::return_exceptions, ...)'}}
  co_return static_cast<int>(values.size());
}

corio::Task<void> handles() {
  auto h1 = corio::create_task(fetch(1));
  auto h2 = corio::create_task(fetch(2));
  co_await corio::gather(std::move(h1), std::move(h2)); // expected-warning {{'corio::gather' fails fast}} expected-note {{the settled form 'corio::gather(corio::return_exceptions, ...)'}}
}

// A handler that does not catch everything a task can throw.
corio::Task<void> narrow_handler() {
  try {
    co_await corio::gather(fetch(1), fetch(2)); // expected-warning {{'corio::gather' fails fast}} expected-note {{the settled form 'corio::gather(corio::return_exceptions, ...)'}}
  } catch (const std::runtime_error &) {
  }
}

// The try block belongs to the enclosing function, not to the lambda
// coroutine, whose body runs whenever it is called.
corio::Task<void> lambda_inside_try() {
  try {
    auto work = []() -> corio::Task<void> {
      co_await corio::gather(fetch(1), fetch(2)); // expected-warning {{'corio::gather' fails fast and is awaited outside a try block that catches std::exception in coroutine lambda}} expected-note {{the settled form 'corio::gather(corio::return_exceptions, ...)'}}
    };
    co_await work();
  } catch (...) {
  }
}

// One value-producing task among void ones: its result is lost.
corio::Task<void> mixed() {
  co_await corio::gather(ping(), fetch(1)); // expected-warning {{'corio::gather' fails fast}} expected-note {{the settled form 'corio::gather(corio::return_exceptions, ...)'}}
}

// The combinator's awaitable stored in a local, awaited later.
corio::Task<int> stored() {
  auto both = corio::gather(fetch(1), fetch(2));
  auto [a, b] = co_await std::move(both); // expected-warning {{'corio::gather' fails fast}} expected-note {{the settled form 'corio::gather(corio::return_exceptions, ...)'}}
  co_return a + b;
}

template <typename T> corio::Task<T> both(corio::Task<T> x, corio::Task<T> y) {
  auto [a, b] = co_await corio::gather(std::move(x), std::move(y)); // expected-warning {{'corio::gather' fails fast}} expected-note {{the settled form 'corio::gather(corio::return_exceptions, ...)'}}
  co_return a + b;
}
corio::Task<int> use_template() {
  try {
    co_return co_await both(fetch(1), fetch(2)) + co_await both(fetch(3), fetch(4));
  } catch (...) {
    co_return 0;
  }
}
