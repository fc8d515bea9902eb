// Flow-sensitive positives: a lock that is released and taken again, or that
// is still held when a loop comes back to its suspension.
#include <minitask/minitask.hpp>
#include <mutex>
#include <utility>

std::mutex M;
int Counter;

// Re-locked after unlock(), before the suspension.
mini::Task<void> relockBeforeAwait() {
  std::unique_lock Lock(M); // expected-warning {{lock 'Lock'}}
  ++Counter;
  Lock.unlock();
  co_await mini::sleep(1);
  Lock.lock();
  ++Counter;
  co_await mini::sleep(2); // expected-note {{'Lock' may still be held}}
}

// try_lock() may acquire.
mini::Task<void> tryLockBeforeAwait() {
  std::unique_lock Lock(M, std::defer_lock); // expected-warning {{lock 'Lock'}}
  if (Lock.try_lock())
    ++Counter;
  co_await mini::sleep(1); // expected-note {{'Lock' may still be held}}
}

// The lock is declared in the loop body, alive at the suspension.
mini::Task<void> lockInLoopWithAwait() {
  for (int I = 0; I < 3; ++I) {
    std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
    ++Counter;
    co_await mini::sleep(1); // expected-note {{'Guard' may still be held}}
  }
}

// Unlocked before the await, but re-locked at the end of the body: the
// suspension in the loop header is reached with the lock held.
mini::Task<void> relockAtEndOfLoop() {
  std::unique_lock Lock(M); // expected-warning {{lock 'Lock'}}
  while (co_await mini::ready_to_continue()) { // expected-note {{'Lock' may still be held}}
    Lock.unlock();
    co_await mini::sleep(1);
    Lock.lock();
  }
}

// Released only on the first iteration's path: the second iteration reaches
// the await with the re-acquired lock.
mini::Task<void> heldOnSecondIteration() {
  std::unique_lock Lock(M, std::defer_lock); // expected-warning {{lock 'Lock'}}
  for (int I = 0; I < 2; ++I) {
    co_await mini::sleep(1); // expected-note {{'Lock' may still be held}}
    Lock.lock();
    ++Counter;
  }
}

// A lock moved into another lock: the new one holds the mutex.
mini::Task<void> movedIntoAnotherLock() {
  std::unique_lock First(M);
  std::unique_lock<std::mutex> Second(std::move(First)); // expected-warning {{lock 'Second'}}
  co_await mini::sleep(1); // expected-note {{'Second' may still be held}}
}

// Move-assigned from a held lock.
mini::Task<void> moveAssignedFromHeldLock() {
  std::unique_lock<std::mutex> Target; // expected-warning {{lock 'Target'}}
  std::unique_lock Source(M);
  Target = std::move(Source);
  co_await mini::sleep(1); // expected-note {{'Target' may still be held}}
}

// Swapped: the held state moves with the mutex.
mini::Task<void> swapped() {
  std::unique_lock<std::mutex> Empty; // expected-warning {{lock 'Empty'}}
  std::unique_lock Full(M);
  Empty.swap(Full);
  co_await mini::sleep(1); // expected-note {{'Empty' may still be held}}
}
