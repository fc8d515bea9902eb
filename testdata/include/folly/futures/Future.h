// Stand-in for folly's <folly/futures/Future.h> // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <folly/Try.h>

namespace folly {
class Executor;
struct Unit {};
template <class T> class SemiFuture {
public:
  SemiFuture(SemiFuture &&) noexcept;
  ~SemiFuture();
  bool isReady() const;
  T get() &&;
};
} // namespace folly
