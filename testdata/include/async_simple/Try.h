// Stand-in for async_simple's <async_simple/Try.h> // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <exception>

namespace async_simple {
template <typename T> class Try {
public:
  bool available() const noexcept;
  bool hasError() const noexcept;
  T &value() &;
  T &&value() &&;
  const T &value() const &;
  std::exception_ptr getException();
};
template <> class Try<void> {
public:
  bool available() const noexcept;
  bool hasError() const;
  void value();
  std::exception_ptr getException();
};
} // namespace async_simple
