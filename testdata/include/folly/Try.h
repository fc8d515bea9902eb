// Stand-in for folly's <folly/Try.h> // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <exception>

namespace folly {
template <class T> class Try {
public:
  bool hasValue() const;
  bool hasException() const;
  T &value() &;
  T &&value() &&;
  const T &value() const &;
  T &operator*() &;
  T *operator->();
};
template <> class Try<void> {
public:
  bool hasValue() const;
  bool hasException() const;
  void value() const;
};
} // namespace folly
