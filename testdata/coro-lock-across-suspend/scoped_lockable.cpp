// Classes with clang's `scoped_lockable` attribute are locks, whatever their
// name; their thread-safety annotations say which members lock and unlock.
#include <minitask/minitask.hpp>

class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
};

class __attribute__((scoped_lockable)) MutexLock {
public:
  explicit MutexLock(Mutex *M) __attribute__((acquire_capability(M)));
  ~MutexLock() __attribute__((release_capability()));
  void Release() __attribute__((release_capability()));
  void Reacquire() __attribute__((acquire_capability()));
};

struct DeferTag {};
class __attribute__((scoped_lockable)) DeferrableLock {
public:
  explicit DeferrableLock(Mutex *M) __attribute__((acquire_capability(M)));
  DeferrableLock(Mutex *M, DeferTag) __attribute__((locks_excluded(M)));
  ~DeferrableLock() __attribute__((release_capability()));
  void Acquire() __attribute__((acquire_capability()));
};

Mutex Mu;
int Counter;

mini::Task<void> heldAcrossAwait() {
  MutexLock Guard(&Mu); // expected-warning {{lock 'Guard' (type 'MutexLock')}}
  ++Counter;
  co_await mini::sleep(1); // expected-note {{'Guard' may still be held}}
}

mini::Task<void> reacquiredBeforeAwait() {
  MutexLock Guard(&Mu); // expected-warning {{lock 'Guard'}}
  Guard.Release();
  co_await mini::sleep(1);
  Guard.Reacquire();
  co_await mini::sleep(2); // expected-note {{'Guard' may still be held}}
}

mini::Task<void> acquiredLater() {
  DeferrableLock Guard(&Mu, DeferTag{}); // expected-warning {{lock 'Guard'}}
  co_await mini::sleep(1);
  Guard.Acquire();
  co_await mini::sleep(2); // expected-note {{'Guard' may still be held}}
}

// Negatives.
mini::Task<void> releasedBeforeAwait() {
  MutexLock Guard(&Mu);
  ++Counter;
  Guard.Release();
  co_await mini::sleep(1);
}

mini::Task<void> deferredNotAcquired() {
  DeferrableLock Guard(&Mu, DeferTag{});
  co_await mini::sleep(1);
}

mini::Task<void> innerScope() {
  {
    MutexLock Guard(&Mu);
    ++Counter;
  }
  co_await mini::sleep(1);
}
