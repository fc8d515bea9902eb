// CONFIG: {CheckOptions: {coro-unhandled-gather.FlowVisitsPerBlock: 1}}
// When the settled-results flow cannot settle within its bound, the check
// says so at the coroutine: its findings there may be missing.
#include <corio/corio.hpp>

corio::Task<int> fetch(int id) { co_return id; }

corio::Task<int> loops(int n) { // expected-warning {{flow analysis of 'loops' stopped after}}
  auto [a] = co_await corio::gather(corio::return_exceptions, fetch(1));
  if (!a.ok())
    co_return 0;
  int sum = 0;
  for (int i = 0; i < n; ++i) {
    sum += a.value(); // expected-warning {{'a'}}
    a = corio::Result<int>(i);
  }
  co_return sum;
}
