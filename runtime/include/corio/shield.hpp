// shield(): protect an operation from the cancellation of the task awaiting it (asyncio.shield).
#pragma once

#include <utility>

#include "corio/detail/shield_awaiter.hpp"
#include "corio/task.hpp"
#include "corio/task_handle.hpp"

namespace corio {

// `T v = co_await corio::shield(commit());` runs the task to completion even if the awaiting task
// is cancelled meanwhile (by a deadline, a failing sibling, handle.cancel()...). The cancellation
// is not lost: it is raised at the awaiting task's next suspension point, after the shielded task
// has finished and its value was returned. So nothing outlives the caller, and an operation that
// must not be interrupted halfway (a commit, a protocol exchange) is not.
template <class T>
detail::ShieldAwaiter<T> shield(Task<T> task) noexcept {
  return detail::ShieldAwaiter<T>(std::move(task));
}

// asyncio's shield() of a running task: `co_await corio::shield(handle)` returns its value like
// `co_await handle`, but if the awaiting task is cancelled, CancelledError is raised at once and
// the task keeps running: the handle is still yours, await or cancel it later.
template <class T>
detail::ShieldedHandleAwaiter<T> shield(TaskHandle<T>& handle) noexcept {
  return detail::ShieldedHandleAwaiter<T>(detail::state_of(handle));
}

}  // namespace corio
