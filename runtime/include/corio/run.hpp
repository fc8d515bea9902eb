// run(): the event loop entry point (asyncio.run).
#pragma once

#include <exception>
#include <stdexcept>
#include <utility>

#include "corio/detail/root_context.hpp"
#include "corio/errors.hpp"
#include "corio/event_loop.hpp"
#include "corio/run_options.hpp"
#include "corio/task.hpp"

namespace corio {

// Runs `task` on a new event loop on this thread until it completes, then cancels the tasks it
// spawned and left running, reports failures nobody retrieved, and returns the task's value (or
// rethrows its exception). Throws NestedRunError if a loop already runs on this thread: inside a
// coroutine, co_await the task instead.
template <class T>
T run(Task<T> task, RunOptions options = {}) {
  if (EventLoop::current() != nullptr) throw NestedRunError();
  if (!task.valid()) throw std::invalid_argument("corio::run: empty task");

  EventLoop loop(std::move(options));
  EventLoop::Scope scope(loop);
  detail::LoopCore& core = detail::loop_core(loop);
  detail::RootContext root;
  Task<T> entry = std::move(task);  // destroyed before the loop, with its frames
  root.root_name = entry.handle().promise().name();
  entry.handle().promise().make_root(&root);
  core.schedule(entry.handle(), &root);

  std::exception_ptr loop_error;
  try {
    core.run_until(root.done);
  } catch (...) {
    loop_error = std::current_exception();
  }
  if (!root.done) entry = Task<T>{};  // a stuck main task: destroy its frames while the loop exists
  core.shutdown();
  if (loop_error) std::rethrow_exception(loop_error);
  return entry.handle().promise().take();
}

}  // namespace corio
