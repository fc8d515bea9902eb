// CONFIG: {CheckOptions: {coro-unhandled-gather.RequireHandler: false}}
// With RequireHandler off, fail-fast gathers may let exceptions propagate;
// settled results are still checked.
#include <corio/corio.hpp>

corio::Task<int> fetch(int id) { co_return id; }

corio::Task<int> propagate() {
  auto [a, b] = co_await corio::gather(fetch(1), fetch(2));
  co_return a + b;
}

corio::Task<int> still_checked() {
  auto [a, b] =
      co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  co_return a.value() + (b ? b.value() : 0); // expected-warning {{settled result 'a' of 'corio::gather' is accessed with 'value' on a path that does not check it}}
}
