// CONFIG: {CheckOptions: {coro-lock-across-suspend.AllowedAwaitables: 'mini::InlineWait', coro-lock-across-suspend.LockTypes: 'std::lock_guard;app::SpinGuard'}}
// AllowedAwaitables: awaiting these does not count as a suspension (they
// complete inline or keep the thread). LockTypes replaces the default list.
#include <minitask/minitask.hpp>
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

mini::Task<void> allowedAwaitable() {
  std::lock_guard Guard(M);
  co_await mini::inline_wait();
}

mini::Task<void> otherAwaitableStillCounts() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  co_await mini::inline_wait();
  co_await mini::sleep(1); // expected-note {{'Guard' may still be held}}
}

mini::Task<void> customLockType() {
  app::SpinGuard Spin(Flag); // expected-warning {{lock 'Spin' (type 'app::SpinGuard')}}
  co_await mini::sleep(1); // expected-note {{'Spin' may still be held}}
}

// std::unique_lock is not in the configured LockTypes.
mini::Task<void> notConfigured() {
  std::unique_lock Lock(M);
  co_await mini::sleep(1);
}
