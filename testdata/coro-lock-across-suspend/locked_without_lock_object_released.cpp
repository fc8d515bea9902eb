// Negative cases: mutexes locked by their own lock() that are unlocked (or
// handed to a lock object) before the coroutine suspends, and async mutexes,
// whose lock() or try_lock() is meant to be held across co_await.
#include <coro/mutex.hpp>
#include <cppcoro/async_mutex.hpp>
#include <folly/coro/Mutex.h>
#include <minitask/minitask.hpp>
#include <mutex>
#include <shared_mutex>

std::mutex M;
std::mutex M2;
std::shared_mutex SM;
int Counter;

mini::Task<void> unlockBeforeAwait() {
  M.lock();
  ++Counter;
  M.unlock();
  co_await mini::sleep(1);
}

mini::Task<void> sharedUnlockBeforeAwait() {
  SM.lock_shared();
  int Value = Counter;
  SM.unlock_shared();
  co_await mini::sleep(Value);
}

// Failed try_lock: not held on that branch.
mini::Task<void> tryLockFailed() {
  if (!M.try_lock()) {
    co_await mini::sleep(1);
    co_return;
  }
  ++Counter;
  M.unlock();
  co_await mini::sleep(1);
}

// Spinning on try_lock with a suspension between attempts.
mini::Task<void> spinWithYield() {
  while (!M.try_lock())
    co_await mini::sleep(1);
  ++Counter;
  M.unlock();
}

// The lock object adopts the mutex; it releases it at the end of its block.
mini::Task<void> adoptedByLockGuard() {
  M.lock();
  {
    std::lock_guard<std::mutex> Guard(M, std::adopt_lock);
    ++Counter;
  }
  co_await mini::sleep(1);
}

mini::Task<void> stdLockThenAdopt() {
  std::lock(M, M2);
  {
    std::scoped_lock Both(std::adopt_lock, M, M2);
    ++Counter;
  }
  co_await mini::sleep(1);
}

// Locked after the last suspension.
mini::Task<void> lockAfterLastAwait() {
  co_await mini::sleep(1);
  M.lock();
  ++Counter;
  M.unlock();
}

struct Account {
  std::mutex Guard;
  int Balance = 0;

  mini::Task<void> deposit(int Amount) {
    Guard.lock();
    Balance += Amount;
    this->Guard.unlock(); // the same member, spelled through `this`
    co_await mini::sleep(1);
  }
};

// A lambda's lock() runs when the lambda is called, not in the coroutine.
mini::Task<void> lockInLambda() {
  auto Critical = [] {
    M.lock();
    ++Counter;
    M.unlock();
  };
  Critical();
  co_await mini::sleep(1);
}

// Async mutexes, as each runtime's documentation uses them: acquired by
// co_await, released by unlock() after the suspensions they protect.
coro::mutex LibcoroMutex;
mini::Task<void> libcoroTryLock() {
  if (LibcoroMutex.try_lock()) {
    co_await mini::sleep(1);
    LibcoroMutex.unlock();
  }
}

cppcoro::async_mutex CppcoroMutex;
mini::Task<void> cppcoroTryLock() {
  if (CppcoroMutex.try_lock()) {
    co_await mini::sleep(1);
    CppcoroMutex.unlock();
  }
}

folly::coro::Mutex FollyMutex;
mini::Task<void> follyTryLock() {
  if (FollyMutex.try_lock()) {
    co_await mini::sleep(1);
    FollyMutex.unlock();
  }
}

// Plain functions are not coroutines: nothing suspends.
void plainFunction() {
  M.lock();
  ++Counter;
  M.unlock();
}
