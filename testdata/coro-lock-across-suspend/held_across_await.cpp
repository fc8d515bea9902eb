// Positive cases: a lock that holds its mutex when the coroutine suspends.
#include <minitask/minitask.hpp>
#include <mutex>
#include <shared_mutex>

std::mutex M;
std::mutex M2;
std::shared_mutex SM;
int Counter;

mini::Task<void> lockGuardAcrossAwait() {
  std::lock_guard<std::mutex> Guard(M); // expected-warning {{lock 'Guard' (type 'std::lock_guard<std::mutex>') may be held across 1 suspension point of coroutine 'lockGuardAcrossAwait'}}
  ++Counter;
  co_await mini::sleep(10); // expected-note {{'Guard' may still be held at this co_await}}
  ++Counter;
}

mini::Task<void> uniqueLockAcrossTwoAwaits() {
  std::unique_lock Lock(M); // expected-warning {{may be held across 2 suspension points of coroutine 'uniqueLockAcrossTwoAwaits'}}
  co_await mini::sleep(1); // expected-note {{'Lock' may still be held at this co_await}}
  co_await mini::sleep(2); // expected-note {{'Lock' may still be held}}
}

mini::Task<void> scopedLockAcrossAwait() {
  std::scoped_lock Both(M, M2); // expected-warning {{lock 'Both'}}
  co_await mini::sleep(1); // expected-note {{'Both' may still be held}}
}

mini::Task<int> sharedLockAcrossAwait() {
  std::shared_lock Reader(SM); // expected-warning {{of coroutine 'sharedLockAcrossAwait' [coro-lock-across-suspend]}}
  int Value = Counter;
  co_await mini::sleep(1); // expected-note {{'Reader' may still be held}}
  co_return Value;
}

mini::Task<void> uniqueLockOfSharedMutex() {
  std::unique_lock<std::shared_mutex> Writer(SM); // expected-warning {{lock 'Writer' (type 'std::unique_lock<std::shared_mutex>')}}
  co_await mini::sleep(1); // expected-note {{'Writer' may still be held}}
}

// try_to_lock may or may not acquire: treated as held.
mini::Task<void> tryToLock() {
  std::unique_lock Lock(M, std::try_to_lock); // expected-warning {{lock 'Lock'}}
  co_await mini::sleep(1); // expected-note {{'Lock' may still be held}}
}

// adopt_lock takes over a mutex that is already locked.
mini::Task<void> adoptLock() {
  M.lock();
  std::lock_guard Guard(M, std::adopt_lock); // expected-warning {{lock 'Guard'}}
  co_await mini::sleep(1); // expected-note {{'Guard' may still be held}}
}

// co_return of an awaited expression suspends before the lock is destroyed.
mini::Task<int> coReturnAwait() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  co_return co_await mini::fetch(1); // expected-note {{'Guard' may still be held at this co_await}}
}

// co_yield suspends too.
mini::Generator<int> generatorYieldsUnderLock() {
  std::lock_guard Guard(M); // expected-warning {{coroutine 'generatorYieldsUnderLock'}}
  co_yield Counter; // expected-note {{'Guard' may still be held at this co_yield}}
}

// Held on one branch only: still a finding (the analysis is may-hold).
mini::Task<void> heldOnOneBranch(bool Fast) {
  std::unique_lock Lock(M); // expected-warning {{lock 'Lock'}}
  if (Fast)
    Lock.unlock();
  co_await mini::sleep(1); // expected-note {{'Lock' may still be held}}
}

// A coroutine lambda is checked as a coroutine of its own.
auto Lambda = []() -> mini::Task<void> {
  std::lock_guard Guard(M); // expected-warning {{of coroutine lambda [coro-lock-across-suspend]}}
  co_await mini::sleep(1); // expected-note {{'Guard' may still be held}}
};

// A member coroutine.
struct Service {
  std::mutex Mutex;
  mini::Task<void> refresh() {
    std::lock_guard Guard(Mutex); // expected-warning {{coroutine 'Service::refresh'}}
    co_await mini::sleep(1); // expected-note {{'Guard' may still be held}}
  }
};

// A coroutine template: checked in its instantiations.
template <typename MutexT> mini::Task<void> generic(MutexT &Mutex) {
  std::lock_guard<MutexT> Guard(Mutex); // expected-warning {{lock 'Guard'}}
  co_await mini::sleep(1); // expected-note {{'Guard' may still be held}}
}
template mini::Task<void> generic<std::mutex>(std::mutex &);

// A lock handed to the coroutine by value holds its mutex on entry.
mini::Task<void> lockParameter(std::unique_lock<std::mutex> Lock) { // expected-warning {{lock 'Lock'}}
  co_await mini::sleep(1); // expected-note {{'Lock' may still be held}}
}
