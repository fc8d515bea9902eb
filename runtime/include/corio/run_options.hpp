// Options of run(): virtual clock, debug mode, and where problems are reported.
#pragma once

#include <chrono>
#include <exception>
#include <functional>
#include <string>

#include "corio/clock.hpp"

namespace corio {

// A step of a task that held the loop longer than RunOptions::slow_step_threshold (debug mode).
struct SlowStep {
  std::string task_name;  // the task's root coroutine, e.g. "corio::Task<> blocker()"
  Duration duration;
};

// A task failed and nobody awaited its handle ("Task exception was never retrieved").
struct UnobservedException {
  std::string task_name;
  std::exception_ptr error;
};

using UnobservedExceptionHandler = std::function<void(const UnobservedException&)>;

struct RunOptions {
  // Timers fire in order without real waiting: when no task is ready, the clock jumps to the next
  // deadline. Tests assert exact elapsed times with it.
  bool virtual_clock = false;

  // asyncio's debug mode: report every step of a task that holds the loop longer than the threshold
  // (a blocking call inside a coroutine: the run-time twin of the coro-blocking-call check).
  bool debug = false;
  Duration slow_step_threshold = std::chrono::milliseconds(100);
  std::function<void(const SlowStep&)> on_slow_step;  // default: a line on stderr

  // Overrides the process-wide handler (set_unobserved_exception_handler) for this run.
  UnobservedExceptionHandler on_unobserved_exception;
};

// Replaces the process-wide handler for task failures nobody retrieved, reported when the loop ends.
// Returns the previous handler; an empty function restores the default (a message on stderr).
UnobservedExceptionHandler set_unobserved_exception_handler(UnobservedExceptionHandler handler);

}  // namespace corio
