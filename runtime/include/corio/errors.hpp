// Exceptions thrown by corio.
#pragma once

#include <cstddef>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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

// Thrown by a task group whose body or children failed: every failure, not only the first, in the
// order they happened (asyncio's ExceptionGroup). Cancellations are not failures and are not in it.
class ExceptionGroup : public std::exception {
 public:
  explicit ExceptionGroup(std::vector<std::exception_ptr> errors)
      : errors_(std::move(errors)), what_(describe(errors_)) {}

  const std::vector<std::exception_ptr>& exceptions() const noexcept { return errors_; }
  std::size_t size() const noexcept { return errors_.size(); }
  const char* what() const noexcept override { return what_.c_str(); }

  // How many of the failures are an E (or derive from it), like `except* E`.
  template <class E>
  std::size_t count() const {
    std::size_t n = 0;
    for (const auto& e : errors_) {
      try {
        std::rethrow_exception(e);
      } catch (const E&) {
        ++n;
      } catch (...) {
      }
    }
    return n;
  }

 private:
  static std::string describe(const std::vector<std::exception_ptr>& errors) {
    std::string text = "corio::ExceptionGroup: " + std::to_string(errors.size()) +
                       (errors.size() == 1 ? " failure" : " failures");
    const char* separator = ": ";
    for (const auto& e : errors) {
      text += separator;
      separator = "; ";
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& x) {
        text += x.what();
      } catch (...) {
        text += "unknown exception";
      }
    }
    return text;
  }

  std::vector<std::exception_ptr> errors_;
  std::string what_;
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
