// async_simple: collectAll yields Try<T>; hasError() tests it (available()
// only says "not empty").
#include <async_simple/Try.h>
#include <async_simple/coro/Collect.h>
#include <async_simple/coro/Lazy.h>
#include <vector>

async_simple::coro::Lazy<int> get(int i) { co_return i; }

async_simple::coro::Lazy<int> tuple_form() {
  auto [a, b] = co_await async_simple::coro::collectAll(get(1), get(2));
  int sum = 0;
  if (!a.hasError())
    sum += a.value();
  if (b.available())
    sum += b.value(); // expected-warning {{settled result 'b' of 'async_simple::coro::collectAll' is accessed with 'value' on a path that does not check it}}
  co_return sum;
}

async_simple::coro::Lazy<int> vector_form(std::vector<async_simple::coro::Lazy<int>> lazies) {
  auto results = co_await async_simple::coro::collectAll(std::move(lazies));
  int sum = 0;
  for (auto &r : results) {
    if (r.hasError())
      continue;
    sum += r.value();
  }
  co_return sum;
}

async_simple::coro::Lazy<void> discarded() {
  co_await async_simple::coro::collectAll(get(1), get(2)); // expected-warning {{settled results of 'async_simple::coro::collectAll' are discarded with any failure they hold}}
}
