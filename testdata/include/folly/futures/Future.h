// Stand-in for folly's <folly/futures/Future.h> // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <folly/Executor.h>
#include <folly/Try.h>
#include <folly/Unit.h>
#include <chrono>

namespace folly {
template <class T> class Future;
template <class T> class SemiFuture {
public:
  SemiFuture(SemiFuture &&) noexcept;
  ~SemiFuture();
  bool isReady() const;
  bool hasValue() const;
  T get() &&;
  T get(std::chrono::milliseconds dur) &&;
  Try<T> getTry() &&;
  SemiFuture<T> &wait() &;
  SemiFuture<T> &&wait() &&;
  Future<T> via(Executor *executor) &&;
};
template <class T> class Future {
public:
  Future(Future &&) noexcept;
  ~Future();
  bool isReady() const;
  T get() &&;
  T get(std::chrono::milliseconds dur) &&;
  Try<T> getTry() &&;
  Future<T> &wait() &;
  Future<T> &&wait() &&;
  SemiFuture<T> semi() &&;
};
} // namespace folly
