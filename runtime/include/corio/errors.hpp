// Exceptions thrown by corio.
#pragma once

#include <stdexcept>

namespace corio {

// Raised inside a cancelled task at its next suspension point.
//
// Like Python's asyncio.CancelledError (a BaseException since 3.8), it deliberately does NOT derive
// from std::exception: a `catch (const std::exception&)` meant for failures must not swallow a
// cancellation. Catch it by name, or with `catch (...)` followed by a rethrow.
class CancelledError {
 public:
  const char* what() const noexcept { return "corio::CancelledError: the task was cancelled"; }
};

// Thrown by wait_for when the deadline passes (the operation has been cancelled by then).
class TimeoutError : public std::runtime_error {
 public:
  TimeoutError() : std::runtime_error("corio::TimeoutError: the operation timed out") {}
};

// Thrown by run() when called on a thread whose event loop is already running: the nested call
// would block the outer loop forever. From a coroutine, co_await the task instead.
class NestedRunError : public std::logic_error {
 public:
  NestedRunError()
      : std::logic_error(
            "corio::run called while an event loop is already running on this thread; "
            "co_await the task (or create_task it) instead") {}
};

// Thrown by run() when every task waits and nothing (timer, I/O, executor job) can wake any of them.
// asyncio would hang forever; a test should fail instead.
class DeadlockError : public std::logic_error {
 public:
  DeadlockError()
      : std::logic_error("corio::run: every task is waiting and nothing can wake them (deadlock)") {}
};

}  // namespace corio
