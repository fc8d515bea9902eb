// Stand-in for async_simple's <async_simple/Future.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes, no code
// from the project.
#pragma once
#include <async_simple/Try.h>

namespace async_simple {
template <typename T> class Future {
public:
  Future(Future &&) noexcept;
  Future(const Future &) = delete;
  ~Future();
  bool valid() const;
  bool hasResult() const;
  T &&value() &&;
};
template <typename T> class Promise {
public:
  Future<T> getFuture();
  void setValue(T &&);
};
} // namespace async_simple
