// NOLINT and NOLINTNEXTLINE suppress the finding.
#include <corio/corio.hpp>

corio::Task<int> compute() { co_return 1; }

corio::Task<void> suppressed() {
  corio::run(compute()); // NOLINT(coro-nested-loop-run)
  // NOLINTNEXTLINE(coro-nested-loop-run)
  corio::run(compute());
  co_return;
}
