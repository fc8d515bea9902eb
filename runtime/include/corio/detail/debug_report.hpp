// Debug mode's report of a step that held the loop too long (RunOptions::debug).
#pragma once

#include <chrono>
#include <cstdio>

#include "corio/clock.hpp"
#include "corio/detail/context.hpp"
#include "corio/run_options.hpp"

namespace corio::detail {

// A step of `task` took `took`, over options.slow_step_threshold: tell options.on_slow_step, or
// print a line on stderr.
inline void report_slow_step(const RunOptions& options, TaskContext* task,
                             std::chrono::steady_clock::duration took) {
  SlowStep step{task != nullptr ? task->name() : "<unknown task>",
                std::chrono::duration_cast<Duration>(took)};
  if (options.on_slow_step) {
    options.on_slow_step(step);
  } else {
    std::fprintf(stderr,
                 "corio: task '%s' blocked the event loop for %.1f ms (threshold %.1f ms)\n",
                 step.task_name.c_str(), std::chrono::duration<double, std::milli>(took).count(),
                 std::chrono::duration<double, std::milli>(options.slow_step_threshold).count());
  }
}

}  // namespace corio::detail
