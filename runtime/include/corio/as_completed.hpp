// as_completed(): the results of many tasks in the order they finish (asyncio.as_completed).
#pragma once

#include <cstddef>
#include <exception>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "corio/async_generator.hpp"
#include "corio/detail/completions.hpp"
#include "corio/errors.hpp"
#include "corio/gather.hpp"
#include "corio/result.hpp"
#include "corio/task.hpp"
#include "corio/task_handle.hpp"

namespace corio {

// An async generator of every task's outcome, in completion order, each a settled Result (the
// value, or the failure: check it before value()):
//
//   auto results = corio::as_completed(std::move(tasks));
//   while (auto r = co_await results.next()) {
//     if (*r) use(r->value()); else log(r->error());
//   }
//
// If the consuming task is cancelled, the remaining tasks are cancelled and awaited before
// CancelledError reaches the consumer. Leaving the loop early (dropping the generator) cancels the
// tasks not yielded yet; they finish on their own.
template <class T>
AsyncGenerator<Result<detail::gathered_t<T>>> as_completed(std::vector<TaskHandle<T>> tasks) {
  using R = Result<detail::gathered_t<T>>;
  detail::Completions<T> arrivals(tasks);
  detail::CancelUnfinished<T> on_early_exit{tasks};
  for (std::size_t yielded = 0; yielded < tasks.size(); ++yielded) {
    bool cancelled = false;
    try {
      while (arrivals.count() <= yielded) co_await arrivals.next();
    } catch (const CancelledError&) {
      cancelled = true;
    }
    if (cancelled) co_await arrivals.cancel_all(tasks);  // raises CancelledError
    TaskHandle<T>& task = tasks[arrivals.index(yielded)];
    if (std::exception_ptr error = task.exception()) {
      co_yield R::failure(std::move(error));
    } else if constexpr (std::is_void_v<T>) {
      co_yield R(std::monostate{});
    } else {
      co_yield R(task.result());
    }
  }
}

// The same for coroutines not started yet: each becomes a task when the generator first runs.
template <class T>
AsyncGenerator<Result<detail::gathered_t<T>>> as_completed(std::vector<Task<T>> coroutines) {
  std::vector<TaskHandle<T>> tasks;
  tasks.reserve(coroutines.size());
  for (auto& c : coroutines) tasks.push_back(create_task(std::move(c)));
  auto inner = as_completed(std::move(tasks));
  while (auto r = co_await inner.next()) co_yield std::move(*r);
}

}  // namespace corio
