// Control flow: early exits, switch, goto, try, range-for, and branches on
// whether a unique_lock owns its mutex (owns_lock(), operator bool,
// try_lock()): on the branch where the test is false the lock is not held.
#include <minitask/minitask.hpp>
#include <mutex>
#include <vector>
std::mutex M;
int C;
void mayThrow();
mini::Task<void> tryCatch() {
  try {
    std::lock_guard G(M);
    mayThrow();
  } catch (...) {
    ++C;
  }
  co_await mini::sleep(1);
}
mini::Task<void> breakOut(std::vector<int> V) {
  for (int X : V) {
    std::unique_lock L(M);
    if (X) break;
    if (X > 2) continue;
    L.unlock();
    co_await mini::sleep(X);
  }
  co_await mini::sleep(1);
}
mini::Task<void> switchCase(int K) {
  switch (K) {
  case 1: {
    std::lock_guard G(M);
    ++C;
    break;
  }
  default:
    break;
  }
  co_await mini::sleep(1);
}
mini::Task<void> gotoOut() {
  {
    std::lock_guard G(M);
    if (C) goto done;
    ++C;
  }
done:
  co_await mini::sleep(1);
}
mini::Task<void> earlyReturn() {
  std::unique_lock L(M);
  if (C) co_return;
  L.unlock();
  co_await mini::sleep(1);
}
mini::Task<void> doWhile() {
  std::unique_lock L(M, std::defer_lock);
  do {
    L.lock();
    ++C;
    L.unlock();
    co_await mini::sleep(1);
  } while (C < 10);
}
mini::Task<void> ownsLockCheck() {
  std::unique_lock L(M, std::try_to_lock);
  if (L.owns_lock()) { ++C; L.unlock(); }
  co_await mini::sleep(1);
}
mini::Task<void> rangeFor(std::vector<int> V) {
  std::lock_guard G(M); // expected-warning {{lock 'G'}}
  for (int X : V)
    co_await mini::sleep(X); // expected-note {{'G' may still be held}}
}
mini::Task<void> throwAfter() {
  std::lock_guard G(M);
  if (C) throw 1;
}
mini::Task<void> spinWithoutHolding() {
  std::unique_lock L(M, std::defer_lock);
  while (!L.try_lock())
    co_await mini::sleep(1);
  ++C;
}
mini::Task<void> boolConversion() {
  std::unique_lock L(M, std::try_to_lock);
  if (!L) {
    co_await mini::sleep(1);
    co_return;
  }
  ++C;
}
mini::Task<void> awaitWhileOwned() {
  std::unique_lock L(M, std::try_to_lock); // expected-warning {{lock 'L'}}
  if (L.owns_lock() && C > 0)
    co_await mini::sleep(1); // expected-note {{'L' may still be held}}
}
