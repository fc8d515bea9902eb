// Condition: wait for a state change under a Lock (asyncio.Condition).
#pragma once

#include <cstddef>
#include <exception>
#include <limits>
#include <stdexcept>
#include <utility>

#include "corio/detail/intrusive_list.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/errors.hpp"
#include "corio/event_loop.hpp"
#include "corio/lock.hpp"
#include "corio/task.hpp"

namespace corio {

// A condition variable for tasks, bound to one Lock:
//
//   auto guard = co_await lock.acquire();
//   co_await ready.wait_for(guard, [&] { return !items.empty(); });   // lock held again here
//
// wait(guard) releases the lock while it waits (other tasks can take it and change the state) and
// holds it again when it returns or throws, also when it is cancelled, like asyncio's. notify(n)
// wakes the n longest waiters, notify_all() every one; both require the lock to be held (the state
// change they announce happens under it). A waiter that was notified and then cancelled before it
// got the lock back passes its notification on to the next waiter, so none is lost.
class Condition {
 public:
  explicit Condition(Lock& lock) noexcept : lock_(lock) {}
  Condition(const Condition&) = delete;
  Condition& operator=(const Condition&) = delete;

  // Releases the guard's lock, waits for a notification, re-acquires the lock into the guard.
  Task<void> wait(Lock::Guard& guard);

  // Waits until `predicate()` is true, checking it under the lock (first at once).
  template <class Predicate>
  Task<void> wait_for(Lock::Guard& guard, Predicate predicate) {
    while (!predicate()) co_await wait(guard);
  }

  void notify(std::size_t n = 1) {
    if (!lock_.locked()) throw std::logic_error("corio::Condition::notify: the lock is not held");
    while (n-- > 0) {
      NotifyAwaiter* w = waiters_.pop_front();
      if (w == nullptr) break;
      w->wake(detail::running_loop());
    }
  }
  void notify_all() { notify(std::numeric_limits<std::size_t>::max()); }

  Lock& lock() const noexcept { return lock_; }

 private:
  class [[nodiscard]] NotifyAwaiter final : public detail::ListedWait<NotifyAwaiter, Condition> {
   public:
    explicit NotifyAwaiter(Condition& cond) noexcept : ListedWait(cond) {}
    bool await_ready() const noexcept { return false; }

   private:
    friend class Condition;
    friend ListedWait;
    static detail::IntrusiveList<NotifyAwaiter>& wait_list(Condition& cond) noexcept { return cond.waiters_; }
  };

  Lock& lock_;
  detail::IntrusiveList<NotifyAwaiter> waiters_;
};

inline Task<void> Condition::wait(Lock::Guard& guard) {
  if (guard.lock() != &lock_) {
    throw std::logic_error("corio::Condition::wait: the guard does not hold this condition's lock");
  }
  guard.release();
  std::exception_ptr error;
  bool notified = false;
  try {
    co_await NotifyAwaiter(*this);
    notified = true;
  } catch (...) {
    error = std::current_exception();
  }
  // Whatever happened, the caller holds the lock again when this returns: a cancellation that
  // arrives while re-acquiring is kept and raised once the lock is back.
  for (;;) {
    try {
      guard = co_await lock_.acquire();
      break;
    } catch (const CancelledError&) {
      if (!error) error = std::current_exception();
    }
  }
  if (error) {
    if (notified) notify(1);
    std::rethrow_exception(error);
  }
}

}  // namespace corio
