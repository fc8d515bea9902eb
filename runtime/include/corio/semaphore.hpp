// Semaphore: bound how many tasks do something at once (asyncio.Semaphore, `async with sem:`).
#pragma once

#include <cstddef>
#include <optional>
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
      if (owner_ != nullptr) std::exchange(owner_, nullptr)->release();
    }

   private:
    friend class Semaphore;
    explicit Permit(Semaphore* owner) noexcept : owner_(owner) {}
    Semaphore* owner_;
  };

  class [[nodiscard]] AcquireAwaiter final : public detail::LeafWait, public detail::ListHook {
   public:
    explicit AcquireAwaiter(Semaphore& sem) noexcept : sem_(sem) {}
    ~AcquireAwaiter() {
      sem_.waiters_.remove(*this);
      if (granted_ && !taken_) sem_.release();  // destroyed between the grant and the resumption
    }

    bool await_ready() noexcept {
      if (sem_.available_ > 0 && sem_.waiters_.empty()) {
        --sem_.available_;
        granted_ = true;
      }
      return granted_;
    }
    template <class Promise>
    bool await_suspend(std::coroutine_handle<Promise> h) {
      if (!begin(h)) return false;
      sem_.waiters_.push_back(*this);
      watch();
      return true;
    }
    Permit await_resume() {
      unwatch();
      throw_if_cancelled();
      taken_ = true;
      return Permit(&sem_);
    }
    void interrupt() noexcept override {
      sem_.waiters_.remove(*this);
      wake_cancelled(*EventLoop::current());
    }

   private:
    friend class Semaphore;
    Semaphore& sem_;
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

  // Gives a slot back (Permit does this for you).
  void release() noexcept {
    if (AcquireAwaiter* next = waiters_.pop_front()) {
      next->granted_ = true;
      next->wake(*EventLoop::current());
    } else {
      ++available_;
    }
  }

  std::size_t available() const noexcept { return available_; }

 private:
  std::size_t available_;
  detail::IntrusiveList<AcquireAwaiter> waiters_;
};

}  // namespace corio
