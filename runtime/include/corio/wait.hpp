// wait(): wait for some of many running tasks, get the done and pending ones (asyncio.wait).
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "corio/clock.hpp"
#include "corio/detail/completions.hpp"
#include "corio/errors.hpp"
#include "corio/task.hpp"
#include "corio/task_handle.hpp"

namespace corio {

// When wait() returns (asyncio's return_when).
enum class ReturnWhen {
  first_completed,  // as soon as one task has finished (in any way)
  first_exception,  // as soon as one has failed (cancellation is not a failure), else when all have
  all_completed,    // when every task has finished
};
inline constexpr ReturnWhen FIRST_COMPLETED = ReturnWhen::first_completed;
inline constexpr ReturnWhen FIRST_EXCEPTION = ReturnWhen::first_exception;
inline constexpr ReturnWhen ALL_COMPLETED = ReturnWhen::all_completed;

// The tasks that have finished, in the order they finished, and the others, in the order given.
// Each done task is a settled result: check exception() before result() (or co_await it in a try).
template <class T>
struct WaitResult {
  std::vector<TaskHandle<T>> done;
  std::vector<TaskHandle<T>> pending;
};

// `auto [done, pending] = co_await corio::wait(std::move(tasks), corio::FIRST_COMPLETED);`
// Waits until the condition holds (or the optional timeout passes: then it returns what has
// finished so far, it does not raise) and hands every task back. wait() neither cancels nor
// rethrows anything on its own: the pending tasks keep running, cancel or await them. If the task
// calling wait() is cancelled, the tasks it was given are cancelled and awaited, then
// CancelledError is raised: none is left running without a handle. Throws std::invalid_argument
// for an empty vector (there is nothing to wait for).
template <class T>
Task<WaitResult<T>> wait(std::vector<TaskHandle<T>> tasks, ReturnWhen when = ALL_COMPLETED,
                         std::optional<Duration> timeout = std::nullopt) {
  if (tasks.empty()) throw std::invalid_argument("corio::wait: no tasks to wait for");
  detail::Completions<T> arrivals(tasks);
  if (timeout) arrivals.set_deadline(Clock::now() + *timeout);
  auto satisfied = [&] {
    switch (when) {
      case ReturnWhen::first_completed:
        return arrivals.count() > 0;
      case ReturnWhen::first_exception:
        return arrivals.any_failed() || arrivals.all_done();
      case ReturnWhen::all_completed:
        break;
    }
    return arrivals.all_done();
  };
  bool cancelled = false;
  try {
    while (!satisfied() && !arrivals.timed_out()) co_await arrivals.next();
  } catch (const CancelledError&) {
    cancelled = true;
  }
  if (cancelled) co_await arrivals.cancel_all(tasks);  // raises CancelledError
  WaitResult<T> result;
  result.done.reserve(arrivals.count());
  result.pending.reserve(tasks.size() - arrivals.count());
  std::vector<bool> finished(tasks.size(), false);
  for (std::size_t k = 0; k < arrivals.count(); ++k) finished[arrivals.index(k)] = true;
  for (std::size_t k = 0; k < arrivals.count(); ++k) result.done.push_back(std::move(tasks[arrivals.index(k)]));
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (!finished[i]) result.pending.push_back(std::move(tasks[i]));
  }
  co_return result;
}

}  // namespace corio
