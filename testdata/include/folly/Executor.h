// Stand-in for folly's <folly/Executor.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes, no code
// from the project.
#pragma once

namespace folly {
class Executor {
public:
  virtual ~Executor();
  /// A reference that keeps the executor alive; made from a pointer.
  template <typename ExecutorT = Executor> class KeepAlive {
  public:
    KeepAlive() = default;
    KeepAlive(ExecutorT *executor);
    ExecutorT *get() const;
    KeepAlive get_alias() const;
  };
};
} // namespace folly
