// Lock: an async mutex (asyncio.Lock, `async with lock:`).
#pragma once

#include <optional>
#include <stdexcept>
#include <utility>

#include "corio/detail/intrusive_list.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/event_loop.hpp"

namespace corio {

// `auto guard = co_await lock.acquire();` waits until the lock is free and returns an RAII guard
// that releases it when it goes out of scope, on success, exception and cancellation alike.
// Unlike std::mutex, waiting suspends the task, not the thread, so holding the guard across
// co_await is the point: other tasks keep running and queue up for the lock. Waiters are served in
// FIFO order; a released lock goes straight to the first waiter, so a task that releases and
// re-acquires at once cannot overtake a queued one.
class Lock {
 public:
  Lock() noexcept = default;
  Lock(const Lock&) = delete;
  Lock& operator=(const Lock&) = delete;

  class [[nodiscard]] Guard {
   public:
    Guard(Guard&& other) noexcept : owner_(std::exchange(other.owner_, nullptr)) {}
    Guard& operator=(Guard&& other) noexcept {
      if (this != &other) {
        release();
        owner_ = std::exchange(other.owner_, nullptr);
      }
      return *this;
    }
    ~Guard() { release(); }
    // Releases the lock early.
    void release() noexcept {
      if (owner_ != nullptr) std::exchange(owner_, nullptr)->unlock();
    }
    bool owns_lock() const noexcept { return owner_ != nullptr; }
    Lock* lock() const noexcept { return owner_; }

   private:
    friend class Lock;
    explicit Guard(Lock* owner) noexcept : owner_(owner) {}
    Lock* owner_;
  };

  class [[nodiscard]] AcquireAwaiter final : public detail::ListedWait<AcquireAwaiter, Lock> {
   public:
    explicit AcquireAwaiter(Lock& lock) noexcept : ListedWait(lock) {}
    ~AcquireAwaiter() {
      if (granted_ && !taken_) owner_.unlock();  // destroyed between the hand-over and the resumption
    }

    bool await_ready() noexcept {
      if (!owner_.locked_) {
        owner_.locked_ = true;
        granted_ = true;
      }
      return granted_;
    }
    Guard await_resume() {
      end_wait();
      taken_ = true;
      return Guard(&owner_);
    }

   private:
    friend class Lock;
    friend ListedWait;
    static detail::IntrusiveList<AcquireAwaiter>& wait_list(Lock& lock) noexcept { return lock.waiters_; }
    bool granted_ = false;
    bool taken_ = false;
  };

  // Waits for the lock; the guard holds it.
  AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }

  // The lock now if it is free, otherwise nothing.
  std::optional<Guard> try_acquire() noexcept {
    if (locked_) return std::nullopt;
    locked_ = true;
    return Guard(this);
  }

  bool locked() const noexcept { return locked_; }

 private:
  friend class Condition;

  // Hands the lock to the first waiter, or frees it.
  void unlock() noexcept {
    if (AcquireAwaiter* next = waiters_.pop_front()) {
      next->granted_ = true;
      next->wake(detail::running_loop());
    } else {
      locked_ = false;
    }
  }

  bool locked_ = false;
  detail::IntrusiveList<AcquireAwaiter> waiters_;
};

}  // namespace corio
