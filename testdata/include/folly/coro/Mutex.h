// Stand-in for folly's <folly/coro/Mutex.h> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <mutex>

namespace folly::coro {
class Mutex {
  class LockOperation {
  public:
    bool await_ready() noexcept;
    bool await_suspend(std::coroutine_handle<> awaitingCoroutine) noexcept;
    void await_resume() noexcept {}
  };
  class ScopedLockOperation : public LockOperation {
  public:
    std::unique_lock<Mutex> await_resume() noexcept;
  };

public:
  Mutex() noexcept;
  ~Mutex();
  bool try_lock() noexcept;
  [[nodiscard]] LockOperation co_lock() noexcept;
  [[nodiscard]] ScopedLockOperation co_scoped_lock() noexcept;
  void unlock() noexcept;
};
} // namespace folly::coro
