// Suppression through clang-tidy's NOLINT comments.
#include <minitask/minitask.hpp>
using namespace mini;

Task<int> fetch_data() { co_return 1; }

Task<> handler() {
  fetch_data(); // NOLINT
  fetch_data(); // NOLINT(coro-missing-co-await)
  // NOLINTNEXTLINE(coro-missing-co-await)
  fetch_data();
  // NOLINTBEGIN(coro-*)
  fetch_data();
  fetch_data();
  // NOLINTEND(coro-*)
  co_await fetch_data(); // NOLINT(some-other-check) expected-warning {{'fetch_data'}}
  co_return;
}
