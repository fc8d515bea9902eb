// What happens to a task failure nobody retrieved: collected while the loop runs, reported to the
// run's handler, the process-wide one, or stderr when the loop ends.
#pragma once

#include <cstdio>
#include <exception>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "corio/errors.hpp"
#include "corio/run_options.hpp"

namespace corio {

namespace detail {

inline std::mutex& unobserved_handler_mutex() {
  static std::mutex m;
  return m;
}
inline UnobservedExceptionHandler& unobserved_handler_storage() {
  static UnobservedExceptionHandler handler;
  return handler;
}

inline std::string describe(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (const CancelledError& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

// True for a CancelledError: a cancellation, not a failure.
inline bool is_cancellation(const std::exception_ptr& error) {
  if (!error) return false;
  try {
    std::rethrow_exception(error);
  } catch (const CancelledError&) {
    return true;
  } catch (...) {
    return false;
  }
}

// The failures of one loop that nobody retrieved, in the order they were noted.
class UnobservedExceptions {
 public:
  void add(const char* task_name, std::exception_ptr error) {
    unobserved_.push_back({task_name, std::move(error)});
  }

  // Reports every failure to the run's handler, else the process-wide one, else stderr.
  void report_all(const RunOptions& options) noexcept {
    UnobservedExceptionHandler handler = options.on_unobserved_exception;
    if (!handler) {
      std::lock_guard lock(unobserved_handler_mutex());
      handler = unobserved_handler_storage();
    }
    for (auto& u : unobserved_) {
      try {
        if (handler) {
          handler(u);
        } else {
          std::fprintf(stderr, "corio: task exception was never retrieved: task '%s': %s\n",
                       u.task_name.c_str(), describe(u.error).c_str());
        }
      } catch (...) {
        // A throwing handler must not take the loop's teardown with it.
      }
    }
    unobserved_.clear();
  }

 private:
  std::vector<UnobservedException> unobserved_;
};

}  // namespace detail

inline UnobservedExceptionHandler set_unobserved_exception_handler(
    UnobservedExceptionHandler handler) {
  std::lock_guard lock(detail::unobserved_handler_mutex());
  return std::exchange(detail::unobserved_handler_storage(), std::move(handler));
}

}  // namespace corio
