// The event loop's clock: the steady clock, or a virtual clock that jumps to the next timer.
#pragma once

#include <chrono>

namespace corio {

using Duration = std::chrono::nanoseconds;

// Reads the clock of the event loop running on this thread (the steady clock when none runs).
// Under RunOptions::virtual_clock it starts at zero and only advances when every task waits for a
// timer, so tests can assert exact elapsed times.
struct Clock {
  using duration = Duration;
  using rep = duration::rep;
  using period = duration::period;
  using time_point = std::chrono::time_point<Clock, Duration>;
  static constexpr bool is_steady = true;

  static time_point now() noexcept;  // defined in event_loop.hpp
};

using TimePoint = Clock::time_point;

}  // namespace corio
