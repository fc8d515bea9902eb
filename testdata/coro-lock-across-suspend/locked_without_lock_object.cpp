// Positive cases: a mutex locked by its own lock() (no lock object) and
// still locked when the coroutine suspends. It blocks every other task that
// takes it, just as a std::lock_guard held across the co_await does.
#include <minitask/minitask.hpp>
#include <mutex>
#include <shared_mutex>

std::mutex M;
std::mutex M2;
std::timed_mutex TM;
std::shared_mutex SM;
int Counter;

mini::Task<void> lockAwaitUnlock() {
  M.lock(); // expected-warning {{mutex 'M' (type 'std::mutex') locked here may be held across 1 suspension point of coroutine 'lockAwaitUnlock'}}
  ++Counter;
  co_await mini::sleep(1); // expected-note {{'M' may still be held at this co_await}}
  M.unlock();
}

mini::Task<void> unlockedOnlyOnOneBranch(bool Early) {
  M.lock(); // expected-warning {{mutex 'M' (type 'std::mutex') locked here may be held across 1 suspension point}}
  if (Early)
    M.unlock();
  co_await mini::sleep(1); // expected-note {{'M' may still be held}}
  if (!Early)
    M.unlock();
}

// The other mutex is unlocked; this one is not.
mini::Task<void> wrongMutexUnlocked() {
  M.lock(); // expected-warning {{mutex 'M'}}
  M2.lock();
  M2.unlock();
  co_await mini::sleep(1); // expected-note {{'M' may still be held}}
  M.unlock();
}

// try_lock() succeeded on the true branch.
mini::Task<void> tryLockThenAwait() {
  if (TM.try_lock()) { // expected-warning {{mutex 'TM' (type 'std::timed_mutex') locked here}}
    co_await mini::sleep(1); // expected-note {{'TM' may still be held}}
    TM.unlock();
  }
}

mini::Task<int> sharedLockAcrossAwait() {
  SM.lock_shared(); // expected-warning {{mutex 'SM' (type 'std::shared_mutex')}}
  int Value = Counter;
  co_await mini::sleep(1); // expected-note {{'SM' may still be held}}
  SM.unlock_shared();
  co_return Value;
}

// std::lock locks every mutex it is given.
mini::Task<void> stdLockAcrossAwait() {
  std::lock(M, M2); // expected-warning {{mutex 'M'}} expected-warning {{mutex 'M2'}}
  co_await mini::sleep(1); // expected-note {{'M' may still be held}} expected-note {{'M2' may still be held}}
  M.unlock();
  M2.unlock();
}

struct Account {
  std::mutex Guard;
  int Balance = 0;

  // A member, through `this`.
  mini::Task<void> deposit(int Amount) {
    Guard.lock(); // expected-warning {{mutex 'Guard' (type 'std::mutex') locked here may be held across 1 suspension point of coroutine 'Account::deposit'}}
    co_await mini::sleep(1); // expected-note {{'Guard' may still be held}}
    Balance += Amount;
    Guard.unlock();
  }
};

// Through a pointer and a reference parameter.
mini::Task<void> throughPointer(std::mutex *P, std::mutex &R) {
  P->lock(); // expected-warning {{mutex 'P' (type 'std::mutex') locked here}}
  R.lock(); // expected-warning {{mutex 'R' (type 'std::mutex') locked here}}
  co_await mini::sleep(1); // expected-note {{'P' may still be held}} expected-note {{'R' may still be held}}
  (*P).unlock();
  R.unlock();
}

// In a loop: locked again at the start of every iteration.
mini::Task<void> relockedInLoop(int N) {
  for (int I = 0; I < N; ++I) {
    M.unlock();
    co_await mini::sleep(1);
    M.lock(); // expected-warning {{mutex 'M'}}
    co_await mini::sleep(1); // expected-note {{'M' may still be held}}
  }
}

// Inside the co_await's operand does not count: only a call that is handed
// the mutex.
mini::Task<int> fetchWith(int);
mini::Task<int> lockedInsideInitialiser() {
  M.lock(); // expected-warning {{mutex 'M'}}
  int V = co_await fetchWith(Counter); // expected-note {{'M' may still be held}}
  M.unlock();
  co_return V;
}

// A capability-annotated mutex class (clang's thread-safety attributes).
class __attribute__((capability("mutex"))) SpinLock {
public:
  void lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};
SpinLock Spin;

mini::Task<void> annotatedMutex() {
  Spin.lock(); // expected-warning {{mutex 'Spin' (type 'SpinLock') locked here}}
  co_await mini::sleep(1); // expected-note {{'Spin' may still be held}}
  Spin.unlock();
}
