// async_simple: the settled combinator's Lazy stored in a local first and
// awaited later (directly or through std::move): the awaited value is a
// settled result all the same.
#include <async_simple/Try.h>
#include <async_simple/coro/Collect.h>
#include <async_simple/coro/Lazy.h>
#include <utility>
#include <vector>

async_simple::coro::Lazy<int> get(int i) { co_return i; }

async_simple::coro::Lazy<int> moved(std::vector<async_simple::coro::Lazy<int>> input) {
  auto combined = async_simple::coro::collectAllPara(std::move(input));
  auto out = co_await std::move(combined);
  co_return out[0].value(); // expected-warning {{settled result 'out[0]' of 'async_simple::coro::collectAllPara' is accessed with 'value' on a path that does not check it}}
}

async_simple::coro::Lazy<int> direct() {
  auto combined = async_simple::coro::collectAll(get(1), get(2));
  auto [a, b] = co_await combined;
  if (a.hasError())
    co_return 0;
  co_return a.value() + b.value(); // expected-warning {{settled result 'b' of 'async_simple::coro::collectAll' is accessed with 'value' on a path that does not check it}}
}

async_simple::coro::Lazy<int> checked(std::vector<async_simple::coro::Lazy<int>> input) {
  auto combined = async_simple::coro::collectAllPara(std::move(input));
  auto out = co_await std::move(combined);
  int sum = 0;
  for (auto &r : out)
    if (!r.hasError())
      sum += r.value();
  co_return sum;
}

async_simple::coro::Lazy<void> discarded() {
  auto combined = async_simple::coro::collectAllPara(get(1), get(2));
  co_await std::move(combined); // expected-warning {{settled results of 'async_simple::coro::collectAllPara' are discarded with any failure they hold}}
}

// A local that is not a combinator's awaitable is not followed.
async_simple::coro::Lazy<int> plain() {
  auto lazy = get(1);
  co_return co_await std::move(lazy);
}
