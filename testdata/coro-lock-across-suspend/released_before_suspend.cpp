// Negative cases: every lock is released before the coroutine suspends.
// clang-tidy's scope-based misc-coroutine-hostile-raii warns on several of
// these (see tests/compare-hostile-raii.sh).
#include <minitask/minitask.hpp>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <utility>

std::mutex M;
std::shared_mutex SM;
int Counter;

void consume(std::unique_lock<std::mutex> Lock);

// unlock() before the suspension.
mini::Task<void> unlockBeforeAwait() {
  std::unique_lock Lock(M);
  ++Counter;
  Lock.unlock();
  co_await mini::sleep(1);
}

// release() disassociates the lock from its mutex.
mini::Task<void> releaseBeforeAwait() {
  std::unique_lock Lock(M);
  ++Counter;
  Lock.release()->unlock();
  co_await mini::sleep(1);
}

// The lock lives in an inner block that closes before the suspension.
mini::Task<void> innerBlock() {
  {
    std::lock_guard Guard(M);
    ++Counter;
  }
  co_await mini::sleep(1);
}

// The lock is taken after the last suspension.
mini::Task<int> lockAfterLastSuspension() {
  int Value = co_await mini::fetch(1);
  std::lock_guard Guard(M);
  Counter += Value;
  co_return Counter;
}

// Moved away: the coroutine no longer holds the mutex.
mini::Task<void> movedToFunction() {
  std::unique_lock Lock(M);
  consume(std::move(Lock));
  co_await mini::sleep(1);
}

mini::Task<void> movedToThread() {
  std::unique_lock Lock(M);
  std::thread Worker([L = std::move(Lock)]() mutable { L.unlock(); });
  Worker.detach();
  co_await mini::sleep(1);
}

mini::Task<void> moveAssignedAway() {
  std::unique_lock Lock(M);
  std::unique_lock<std::mutex> Other;
  Other = std::move(Lock);
  Other.unlock();
  co_await mini::sleep(1);
}

// Deferred: never locked.
mini::Task<void> deferredNeverLocked() {
  std::unique_lock Lock(M, std::defer_lock);
  co_await mini::sleep(1);
  Lock.lock();
  ++Counter;
}

// A default-constructed lock owns no mutex.
mini::Task<void> defaultConstructed() {
  std::unique_lock<std::mutex> Lock;
  co_await mini::sleep(1);
}

// Released on every branch.
mini::Task<void> releasedOnBothBranches(bool Fast) {
  std::unique_lock Lock(M);
  if (Fast) {
    Lock.unlock();
  } else {
    ++Counter;
    Lock.unlock();
  }
  co_await mini::sleep(1);
}

// A lock in a loop body is destroyed at the end of each iteration; the
// suspension happens in the next statement.
mini::Task<void> loopLockReleasedEachIteration() {
  for (int I = 0; I < 3; ++I) {
    {
      std::lock_guard Guard(M);
      ++Counter;
    }
    co_await mini::sleep(1);
  }
}

// Locked again after the suspension, released before the next one.
mini::Task<void> relockAfterAwait() {
  std::unique_lock Lock(M);
  for (int I = 0; I < 3; ++I) {
    ++Counter;
    Lock.unlock();
    co_await mini::sleep(1);
    Lock.lock();
  }
}

// A lambda nested in a coroutine is not the coroutine: its lock lives only
// while the lambda runs.
mini::Task<void> lambdaInsideCoroutine() {
  auto Bump = [] {
    std::lock_guard Guard(M);
    ++Counter;
  };
  Bump();
  co_await mini::sleep(1);
  Bump();
}

// A lock in a plain function: not a coroutine.
int plainFunction() {
  std::lock_guard Guard(M);
  return ++Counter;
}

// An awaiter whose await_ready() is a constant true never suspends.
mini::Task<void> neverSuspends() {
  std::lock_guard Guard(M);
  co_await std::suspend_never{};
  int Ready = co_await mini::AlwaysReady{};
  Counter += Ready;
}

// Locks taken and released around each await.
mini::Task<void> shortCriticalSections() {
  int Snapshot;
  {
    std::shared_lock Reader(SM);
    Snapshot = Counter;
  }
  int Delta = co_await mini::fetch(Snapshot);
  {
    std::unique_lock Writer(SM);
    Counter += Delta;
  }
  co_await mini::sleep(1);
}

// A suspension inside the lock's own initialiser happens before the lock
// is taken.
mini::Task<std::mutex *> pickMutex();
mini::Task<void> awaitInLockInitialiser() {
  std::lock_guard Guard(*co_await pickMutex());
  ++Counter;
}

// Locks that are not automatic variables are out of scope of this check.
mini::Task<void> staticLock() {
  static std::unique_lock<std::mutex> Forever(M, std::defer_lock);
  co_await mini::sleep(1);
}
