// drogon: when_all() awaits every child, keeps the first exception and
// rethrows it: the other results are lost. when_all of Task<void>s yields
// nothing, so a failure discards no value.
#include <drogon/utils/coroutine.h>
#include <exception>
#include <vector>

drogon::Task<int> get(int i);
drogon::Task<> step(int i);

drogon::Task<int> fail_fast() {
  auto [a, b] = co_await drogon::when_all(get(1), get(2)); // expected-warning {{'drogon::when_all' fails fast and is awaited outside a try block that catches std::exception in coroutine 'fail_fast'}}
  co_return a + b;
}

drogon::Task<int> handled() {
  try {
    auto [a, b] = co_await drogon::when_all(get(1), get(2));
    co_return a + b;
  } catch (...) {
    co_return -1;
  }
}

drogon::Task<> no_values() {
  std::vector<drogon::Task<void>> steps;
  steps.push_back(step(1));
  co_await drogon::when_all(std::move(steps));
}

// The variadic form maps each Task<void> to std::false_type: a tuple of
// placeholders holds no value either (the runtime table's NoValueTypes).
drogon::Task<> variadic_no_values() {
  auto [x, y] = co_await drogon::when_all(step(1), step(2));
  (void)x;
  (void)y;
}

// One child with a value is enough to lose something.
drogon::Task<int> one_value() {
  auto [x, v] = co_await drogon::when_all(step(1), get(2)); // expected-warning {{'drogon::when_all' fails fast}}
  (void)x;
  co_return v;
}
