// Settled results read inside a macro that expands to a lambda called where
// it is written (doctest's CHECK(...) does): the lambda's tests and accessors
// are reads of the coroutine like any other.
#include <corio/corio.hpp>
#include <vector>

#define CHECK(...) [&] { return static_cast<bool>(__VA_ARGS__); }()
#define CHECK_NESTED(...) [&] { return [&] { return static_cast<bool>(__VA_ARGS__); }(); }()

corio::Task<int> fetch(int id) { co_return id; }

corio::Task<int> checked_in_macro_then_read() {
  auto [a, b] = co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  CHECK(a.ok());
  CHECK_NESTED(b.ok());
  co_return a.value() + b.value();
}

corio::Task<void> read_in_macro_unchecked() {
  auto [a, b] = co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  CHECK(a.value() == 1); // expected-warning {{'a'}}
  CHECK(b.ok() && b.value() == 2);
}

corio::Task<int> read_in_macro_then_again() {
  auto [a] = co_await corio::gather(corio::return_exceptions, fetch(1));
  CHECK(a.value() == 1); // expected-warning {{'a'}}
  co_return a.value(); // reported once per path: it held a value
}

corio::Task<void> read_in_macro_inside_try() {
  auto [a] = co_await corio::gather(corio::return_exceptions, fetch(1));
  try {
    CHECK(a.value() == 1);
  } catch (...) {
  }
}

// A lambda stored, not called here: its body runs whenever it is called.
corio::Task<int> stored_lambda_is_not_a_check() {
  auto [a] = co_await corio::gather(corio::return_exceptions, fetch(1));
  auto test = [&] { return a.ok(); };
  (void)test;
  co_return a.value(); // expected-warning {{'a'}}
}
