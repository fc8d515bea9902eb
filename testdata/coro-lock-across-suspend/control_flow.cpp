// Control flow: early exits, switch, goto, try, range-for, and branches on
// whether a unique_lock owns its mutex (owns_lock(), operator bool,
// try_lock()): on the branch where the test is false the lock is not held.
#include <mintask/task.hpp>
#include <mutex>
#include <vector>
std::mutex M;
int C;
void mayThrow();
mintask::Task<void> tryCatch() {
  try {
    std::lock_guard G(M);
    mayThrow();
  } catch (...) {
    ++C;
  }
  co_await mintask::sleep(1);
}
mintask::Task<void> breakOut(std::vector<int> V) {
  for (int X : V) {
    std::unique_lock L(M);
    if (X) break;
    if (X > 2) continue;
    L.unlock();
    co_await mintask::sleep(X);
  }
  co_await mintask::sleep(1);
}
mintask::Task<void> switchCase(int K) {
  switch (K) {
  case 1: {
    std::lock_guard G(M);
    ++C;
    break;
  }
  default:
    break;
  }
  co_await mintask::sleep(1);
}
mintask::Task<void> gotoOut() {
  {
    std::lock_guard G(M);
    if (C) goto done;
    ++C;
  }
done:
  co_await mintask::sleep(1);
}
mintask::Task<void> earlyReturn() {
  std::unique_lock L(M);
  if (C) co_return;
  L.unlock();
  co_await mintask::sleep(1);
}
mintask::Task<void> doWhile() {
  std::unique_lock L(M, std::defer_lock);
  do {
    L.lock();
    ++C;
    L.unlock();
    co_await mintask::sleep(1);
  } while (C < 10);
}
mintask::Task<void> ownsLockCheck() {
  std::unique_lock L(M, std::try_to_lock);
  if (L.owns_lock()) { ++C; L.unlock(); }
  co_await mintask::sleep(1);
}
mintask::Task<void> rangeFor(std::vector<int> V) {
  std::lock_guard G(M); // expected-warning {{lock 'G'}}
  for (int X : V)
    co_await mintask::sleep(X); // expected-note {{'G' is still held}}
}
mintask::Task<void> throwAfter() {
  std::lock_guard G(M);
  if (C) throw 1;
}
mintask::Task<void> spinWithoutHolding() {
  std::unique_lock L(M, std::defer_lock);
  while (!L.try_lock())
    co_await mintask::sleep(1);
  ++C;
}
mintask::Task<void> boolConversion() {
  std::unique_lock L(M, std::try_to_lock);
  if (!L) {
    co_await mintask::sleep(1);
    co_return;
  }
  ++C;
}
mintask::Task<void> awaitWhileOwned() {
  std::unique_lock L(M, std::try_to_lock); // expected-warning {{lock 'L'}}
  if (L.owns_lock() && C > 0)
    co_await mintask::sleep(1); // expected-note {{'L' is still held}}
}
