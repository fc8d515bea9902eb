// Suppression with NOLINT / NOLINTNEXTLINE.
#include <corio/corio.hpp>

corio::Task<int> fetch(int id) { co_return id; }

corio::Task<int> suppressed() {
  auto [a, b] = co_await corio::gather(fetch(1), fetch(2)); // NOLINT(coro-unhandled-gather)
  // NOLINTNEXTLINE(coro-unhandled-gather)
  co_await corio::gather(corio::return_exceptions, fetch(3));
  auto [c] = co_await corio::gather(corio::return_exceptions, fetch(4)); // NOLINT(coro-unhandled-gather): settled, checked below
  co_return a + b + c.value(); // NOLINT(coro-unhandled-gather)
}
