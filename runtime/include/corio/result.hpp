// Result<T>: a value or the exception that replaced it (an element of gather(return_exceptions)).
#pragma once

#include <exception>
#include <utility>
#include <variant>

namespace corio {

// Check before use: `if (r) use(r.value()); else log(r.error());`. value() rethrows the exception
// when there is no value, so an unchecked access fails loudly instead of reading garbage.
template <class T>
class Result {
 public:
  explicit Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  static Result failure(std::exception_ptr error) { return Result(std::move(error)); }

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & {
    rethrow_if_failed();
    return std::get<0>(state_);
  }
  const T& value() const& {
    rethrow_if_failed();
    return std::get<0>(state_);
  }
  T&& value() && {
    rethrow_if_failed();
    return std::get<0>(std::move(state_));
  }

  // The exception, or null when ok().
  std::exception_ptr error() const noexcept {
    return ok() ? std::exception_ptr{} : std::get<1>(state_);
  }

 private:
  explicit Result(std::exception_ptr error) : state_(std::in_place_index<1>, std::move(error)) {}
  void rethrow_if_failed() const {
    if (!ok()) std::rethrow_exception(std::get<1>(state_));
  }

  std::variant<T, std::exception_ptr> state_;
};

}  // namespace corio
