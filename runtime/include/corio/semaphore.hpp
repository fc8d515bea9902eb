// Semaphore: bound how many tasks do something at once (asyncio.Semaphore, `async with sem:`), and
// BoundedSemaphore, which also refuses a release() that would exceed the initial count.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <stdexcept>
#include <utility>

#include "corio/detail/intrusive_list.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/event_loop.hpp"

namespace corio {

// `auto permit = co_await sem.acquire();` waits for a free slot and returns an RAII permit that
// gives the slot back when it goes out of scope, on success, exception and cancellation alike.
// Waiters are served in FIFO order and a released slot goes straight to the first waiter.
class Semaphore {
 public:
  explicit Semaphore(std::size_t permits) noexcept : available_(permits) {}
  Semaphore(const Semaphore&) = delete;
  Semaphore& operator=(const Semaphore&) = delete;

  class [[nodiscard]] Permit {
   public:
    Permit(Permit&& other) noexcept : owner_(std::exchange(other.owner_, nullptr)) {}
    Permit& operator=(Permit&& other) noexcept {
      if (this != &other) {
        release();
        owner_ = std::exchange(other.owner_, nullptr);
      }
      return *this;
    }
    ~Permit() { release(); }
    // Gives the slot back early.
    void release() noexcept {
      if (owner_ != nullptr) std::exchange(owner_, nullptr)->give_back();
    }

   private:
    friend class Semaphore;
    explicit Permit(Semaphore* owner) noexcept : owner_(owner) {}
    Semaphore* owner_;
  };

  class [[nodiscard]] AcquireAwaiter final : public detail::ListedWait<AcquireAwaiter, Semaphore> {
   public:
    explicit AcquireAwaiter(Semaphore& sem) noexcept : ListedWait(sem) {}
    ~AcquireAwaiter() {
      if (granted_ && !taken_) owner_.give_back();  // destroyed between the grant and the resumption
    }

    bool await_ready() noexcept {
      if (owner_.available_ > 0 && owner_.waiters_.empty()) {
        --owner_.available_;
        granted_ = true;
      }
      return granted_;
    }
    Permit await_resume() {
      end_wait();
      taken_ = true;
      return Permit(&owner_);
    }

   private:
    friend class Semaphore;
    friend ListedWait;
    static detail::IntrusiveList<AcquireAwaiter>& wait_list(Semaphore& sem) noexcept { return sem.waiters_; }
    bool granted_ = false;
    bool taken_ = false;
  };

  AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }

  // A permit now if a slot is free and nobody is queued, otherwise nothing.
  std::optional<Permit> try_acquire() noexcept {
    if (available_ == 0 || !waiters_.empty()) return std::nullopt;
    --available_;
    return Permit(this);
  }

  // Gives a slot back (Permit does this for you). On a BoundedSemaphore, a release beyond the
  // initial count throws std::logic_error (asyncio's ValueError): a release without an acquire.
  void release() {
    if (waiters_.empty() && available_ >= bound_) {
      throw std::logic_error("corio::BoundedSemaphore::release: released more often than acquired");
    }
    give_back();
  }

  std::size_t available() const noexcept { return available_; }

 protected:
  Semaphore(std::size_t permits, std::size_t bound) noexcept : available_(permits), bound_(bound) {}

 private:
  void give_back() noexcept {
    if (AcquireAwaiter* next = waiters_.pop_front()) {
      next->granted_ = true;
      next->wake(detail::running_loop());
    } else {
      ++available_;
    }
  }

  std::size_t available_;
  std::size_t bound_ = std::numeric_limits<std::size_t>::max();
  detail::IntrusiveList<AcquireAwaiter> waiters_;
};

// A Semaphore whose count never exceeds its initial value: an unmatched release() throws instead of
// silently raising the concurrency limit (asyncio.BoundedSemaphore).
class BoundedSemaphore : public Semaphore {
 public:
  explicit BoundedSemaphore(std::size_t permits) noexcept : Semaphore(permits, permits) {}
};

}  // namespace corio
