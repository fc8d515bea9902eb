// Helpers shared by the corio tests.
#pragma once

#include <corio/corio.hpp>

#include <stdexcept>
#include <string>

namespace corio::testing {

// Deterministic time: timers fire in order, instantly, and elapsed times are exact.
inline RunOptions virtual_time() {
  RunOptions options;
  options.virtual_clock = true;
  return options;
}

inline Duration elapsed_since(TimePoint start) { return Clock::now() - start; }

// A task that sleeps, then returns `value`.
inline Task<int> after(Duration delay, int value) {
  co_await sleep(delay);
  co_return value;
}

// A task that sleeps, then throws std::runtime_error(message).
inline Task<int> fail_after(Duration delay, std::string message) {
  co_await sleep(delay);
  throw std::runtime_error(message);
}

// Counts how tracked tasks ended, from inside them: cleanup code runs on
// cancellation.
struct Outcome {
  int finished = 0;
  int cancelled = 0;
  int running = 0;
};

inline Task<int> tracked(Outcome& outcome, Duration delay, int value) {
  ++outcome.running;
  try {
    co_await sleep(delay);
  } catch (const CancelledError&) {
    --outcome.running;
    ++outcome.cancelled;
    throw;
  }
  --outcome.running;
  ++outcome.finished;
  co_return value;
}

}  // namespace corio::testing
