// wait_for(): a deadline for a task (asyncio.wait_for).
#pragma once

#include <type_traits>
#include <utility>

#include "corio/clock.hpp"
#include "corio/detail/context.hpp"
#include "corio/detail/current_task.hpp"
#include "corio/detail/deadline.hpp"
#include "corio/errors.hpp"
#include "corio/task.hpp"

namespace corio {

// Awaits `task` for at most `timeout`. At the deadline the task is cancelled (CancelledError at its
// suspension point, cleanup runs), and once it has finished, TimeoutError is thrown. The task runs
// inside the caller's task, so cancelling the caller cancels it too.
template <class T>
Task<T> wait_for(Task<T> task, Duration timeout) {
  detail::TaskContext* self = co_await detail::CurrentTask{};
  detail::Deadline deadline(self, timeout);
  try {
    if constexpr (std::is_void_v<T>) {
      co_await std::move(task);
      deadline.withdraw();
      co_return;
    } else {
      T value = co_await std::move(task);
      deadline.withdraw();
      co_return value;
    }
  } catch (const CancelledError&) {
    if (!deadline.expired()) throw;
  }
  throw TimeoutError{};
}

}  // namespace corio
