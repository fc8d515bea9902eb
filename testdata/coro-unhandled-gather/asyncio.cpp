// netcan/asyncio: gather() completes with the first child exception,
// rethrown from co_await; the other results are lost.
#include <asyncio/gather.h>
#include <asyncio/task.h>
#include <stdexcept>

asyncio::Task<int> get(int i);

asyncio::Task<int> fail_fast() {
  auto [a, b] = co_await asyncio::gather(get(1), get(2)); // expected-warning {{'asyncio::gather' fails fast and is awaited outside a try block that catches std::exception in coroutine 'fail_fast'}}
  co_return a + b;
}

asyncio::Task<int> handled() {
  try {
    auto [a, b] = co_await asyncio::gather(get(1), get(2));
    co_return a + b;
  } catch (const std::exception &) {
    co_return 0;
  }
}
