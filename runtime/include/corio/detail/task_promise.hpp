// The promise of Task<T>: PromiseBase plus the task's value.
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

#include "corio/detail/promise_base.hpp"

namespace corio::detail {

template <class T>
class TaskPromise : public PromiseBase {
 public:
  using PromiseBase::PromiseBase;

  template <class U = T>
    requires std::is_convertible_v<U&&, T>
  void return_value(U&& value) noexcept(std::is_nothrow_constructible_v<T, U&&>) {
    value_.emplace(std::forward<U>(value));
  }

  // The result, or the exception rethrown. Called once.
  T take() {
    rethrow_if_failed();
    return std::move(*value_);
  }
  bool has_value() const noexcept { return value_.has_value(); }
  T& value() noexcept { return *value_; }

 private:
  std::optional<T> value_;
};

template <>
class TaskPromise<void> : public PromiseBase {
 public:
  using PromiseBase::PromiseBase;
  void return_void() const noexcept {}
  void take() const { rethrow_if_failed(); }
};

}  // namespace corio::detail
