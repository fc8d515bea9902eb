// A lock that owns an async mutex is not a finding: the mutex is acquired by
// co_await (it suspends instead of blocking), and holding it across
// suspensions is what it is for. An async mutex is a class with a member
// function whose return type is awaitable; a lock initialised from a
// co_await expression was acquired asynchronously too.
#include <minitask/minitask.hpp>
#include <mutex>

// Acquired by `co_await coLock()`; lock()/unlock() let std::unique_lock own it.
class AsyncMutex {
public:
  mini::Task<void> coLock();
  bool try_lock();
  void lock();
  void unlock();
  mini::Task<std::unique_lock<AsyncMutex>> scopedLock();
};

// Async through a base class.
struct DerivedAsyncMutex : AsyncMutex {};

// Async through a member template returning a task.
struct TemplateAsyncMutex {
  template <class Executor> mini::Task<void> coLockOn(Executor &);
  mini::Task<void> coLock();
  void lock();
  void unlock();
};

std::mutex Blocking;
AsyncMutex Async;
DerivedAsyncMutex Derived;
int Shared;

// The repro from async_simple's tests: the lock returned by a co_await.
mini::Task<void> scopedLockAwaited(AsyncMutex &M) {
  auto Lock = co_await M.scopedLock();
  ++Shared;
  co_await mini::sleep(10);
  --Shared;
}

// Acquired by co_await, then adopted by a std::unique_lock.
mini::Task<void> adoptAfterCoLock() {
  co_await Async.coLock();
  std::unique_lock Lock(Async, std::adopt_lock);
  ++Shared;
  co_await mini::sleep(1);
}

mini::Task<void> lockGuardOfAsyncMutex() {
  co_await Async.coLock();
  std::lock_guard<AsyncMutex> Guard(Async, std::adopt_lock);
  co_await mini::sleep(1);
}

mini::Task<void> derivedAsyncMutex() {
  co_await Derived.coLock();
  std::unique_lock Lock(Derived, std::adopt_lock);
  co_await mini::sleep(1);
}

struct Owner {
  TemplateAsyncMutex Mutex;
  mini::Task<void> refresh() {
    co_await Mutex.coLock();
    std::unique_lock Lock(Mutex, std::adopt_lock);
    co_await mini::sleep(1);
  }
};

// Assigned from a co_await: acquired asynchronously.
mini::Task<void> assignedFromAwait() {
  std::unique_lock<AsyncMutex> Lock;
  Lock = co_await Async.scopedLock();
  co_await mini::sleep(1);
}

// A lock of a blocking mutex that the runtime hands over after an
// asynchronous acquisition: initialised from a co_await, not flagged.
mini::Task<std::unique_lock<std::mutex>> acquireOffThread(std::mutex &);
mini::Task<void> initialisedFromAwait() {
  std::unique_lock<std::mutex> Lock = co_await acquireOffThread(Blocking);
  co_await mini::sleep(1);
}

// A lock parameter of an async mutex type.
mini::Task<void> asyncLockParameter(std::unique_lock<AsyncMutex> Lock) {
  co_await mini::sleep(1);
}

// A scoped_lockable lock whose constructor names an async capability.
class __attribute__((capability("mutex"))) AsyncCapability {
public:
  mini::Task<void> acquire();
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
};
class __attribute__((scoped_lockable)) AsyncCapabilityLock {
public:
  explicit AsyncCapabilityLock(AsyncCapability *M)
      __attribute__((requires_capability(M)));
  ~AsyncCapabilityLock() __attribute__((release_capability()));
};
AsyncCapability Capability;
mini::Task<void> scopedLockableAsync() {
  co_await Capability.acquire();
  AsyncCapabilityLock Guard(&Capability);
  co_await mini::sleep(1);
}

// Still findings: a blocking mutex, alone or next to an async one.
mini::Task<void> blockingMutex() {
  std::unique_lock Lock(Blocking); // expected-warning {{lock 'Lock' (type 'std::unique_lock<std::mutex>')}}
  co_await mini::sleep(1); // expected-note {{'Lock' may still be held}}
}

mini::Task<void> asyncAndBlocking() {
  co_await Async.coLock();
  std::scoped_lock Both(std::adopt_lock, Async, Blocking); // expected-warning {{lock 'Both'}}
  co_await mini::sleep(1); // expected-note {{'Both' may still be held}}
}

// A mutex whose only awaitable-looking member is static is not async.
struct StaticHelperMutex {
  static mini::Task<void> warmUp();
  void lock();
  void unlock();
};
StaticHelperMutex Helper;
mini::Task<void> staticMemberOnly() {
  std::lock_guard Guard(Helper); // expected-warning {{lock 'Guard'}}
  co_await mini::sleep(1); // expected-note {{'Guard' may still be held}}
}

// A co_await elsewhere in the initialiser does not make the lock async.
mini::Task<int> pick();
std::mutex Table[4];
mini::Task<void> awaitInsideInitialiser() {
  std::unique_lock Lock(Table[co_await pick()]); // expected-warning {{lock 'Lock'}}
  co_await mini::sleep(1); // expected-note {{'Lock' may still be held}}
}
