// CONFIG: {CheckOptions: {coro-lock-across-suspend.AllowedAwaitables: 'mintask::InlineWait', coro-lock-across-suspend.LockTypes: 'std::lock_guard;app::SpinGuard'}}
// AllowedAwaitables: awaiting these does not count as a suspension (they
// complete inline or keep the thread). LockTypes replaces the default list.
#include <mintask/task.hpp>
#include <mutex>

namespace app {
class SpinGuard {
public:
  explicit SpinGuard(int &Flag);
  ~SpinGuard();
};
} // namespace app

std::mutex M;
int Flag;

mintask::Task<void> allowedAwaitable() {
  std::lock_guard Guard(M);
  co_await mintask::inline_wait();
}

mintask::Task<void> otherAwaitableStillCounts() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  co_await mintask::inline_wait();
  co_await mintask::sleep(1); // expected-note {{'Guard' is still held}}
}

mintask::Task<void> customLockType() {
  app::SpinGuard Spin(Flag); // expected-warning {{lock 'Spin' (type 'app::SpinGuard')}}
  co_await mintask::sleep(1); // expected-note {{'Spin' is still held}}
}

// std::unique_lock is not in the configured LockTypes.
mintask::Task<void> notConfigured() {
  std::unique_lock Lock(M);
  co_await mintask::sleep(1);
}
