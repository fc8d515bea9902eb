// Helpers shared by the corio tests.
#pragma once

#include <corio/corio.hpp>

namespace corio::testing {

// Deterministic time: timers fire in order, instantly, and elapsed times are exact.
inline RunOptions virtual_time() {
  RunOptions options;
  options.virtual_clock = true;
  return options;
}

inline Duration elapsed_since(TimePoint start) { return Clock::now() - start; }

}  // namespace corio::testing
