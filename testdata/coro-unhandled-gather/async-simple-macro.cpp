// The settled result accessed inside a macro argument (gtest-style
// assertions): the message names the result, not the macro invocation.
#include <async_simple/Try.h>
#include <async_simple/coro/Collect.h>
#include <async_simple/coro/Lazy.h>
#include <tuple>
#include <utility>
#include <vector>

#define EXPECT_EQ(x, y)                                                        \
  do {                                                                         \
    if (!((x) == (y)))                                                         \
      __builtin_trap();                                                        \
  } while (0)
#define SECOND results[1]

async_simple::coro::Lazy<int> get(int i) { co_return i; }

async_simple::coro::Lazy<void> in_macro_argument() {
  auto [x, y] = co_await async_simple::coro::collectAll(get(1), get(2));
  EXPECT_EQ(1, x.value()); // expected-warning {{settled result 'x' of 'async_simple::coro::collectAll' is accessed with 'value' on a path that does not check it}}
  EXPECT_EQ(std::get<0>(std::make_tuple(y.value())), 2); // expected-warning {{settled result 'y' of 'async_simple::coro::collectAll' is accessed with 'value' on a path that does not check it}}
}

async_simple::coro::Lazy<void> element_in_macro_argument(std::vector<async_simple::coro::Lazy<int>> input) {
  auto results = co_await async_simple::coro::collectAll(std::move(input));
  EXPECT_EQ(results[0].value(), 1); // expected-warning {{settled result 'results[0]' of 'async_simple::coro::collectAll' is accessed with 'value' on a path that does not check it}}
  EXPECT_EQ(SECOND.value(), 2); // expected-warning {{settled result 'SECOND' of 'async_simple::coro::collectAll' is accessed with 'value' on a path that does not check it}}
}

// A check inside a macro counts as a check.
async_simple::coro::Lazy<void> checked_in_macro() {
  auto [x] = co_await async_simple::coro::collectAll(get(1));
  if (x.hasError())
    co_return;
  EXPECT_EQ(1, x.value());
}
