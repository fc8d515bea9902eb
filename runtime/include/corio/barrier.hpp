// Barrier: wait until a number of tasks have all arrived (asyncio.Barrier).
#pragma once

#include <coroutine>
#include <cstddef>
#include <stdexcept>

#include "corio/detail/intrusive_list.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/event_loop.hpp"

namespace corio {

// Raised by Barrier::wait() on a barrier that is aborted or reset while (or before) waiting.
class BrokenBarrierError : public std::runtime_error {
 public:
  BrokenBarrierError() : std::runtime_error("corio::BrokenBarrierError: the barrier is broken") {}
};

// `std::size_t i = co_await barrier.wait();` suspends until `parties` tasks are waiting, then
// releases them all together; each gets its arrival index, 0 .. parties-1. The barrier is cyclic:
// the next arrivals start the next round. A cancelled waiter leaves and no longer counts.
// abort() breaks the barrier: its waiters and every later wait() raise BrokenBarrierError until
// reset(), which also breaks the current round's waiters and starts afresh.
class Barrier {
 public:
  explicit Barrier(std::size_t parties) : parties_(parties) {
    if (parties == 0) throw std::invalid_argument("corio::Barrier: parties must be at least 1");
  }
  Barrier(const Barrier&) = delete;
  Barrier& operator=(const Barrier&) = delete;

  class [[nodiscard]] WaitAwaiter final : public detail::ListedWait<WaitAwaiter, Barrier> {
   public:
    explicit WaitAwaiter(Barrier& barrier) noexcept : ListedWait(barrier) {}

    bool await_ready() {
      if (owner_.broken_) {
        broken_ = true;
        return true;
      }
      if (owner_.waiting_ + 1 < owner_.parties_) return false;
      index_ = owner_.parties_ - 1;
      owner_.release_round();  // the last arrival passes at once
      return true;
    }
    template <class Promise>
    bool await_suspend(std::coroutine_handle<Promise> h) {
      if (!ListedWait::await_suspend(h)) return false;  // cancelled before it arrived
      ++owner_.waiting_;
      return true;
    }
    std::size_t await_resume() {
      end_wait();
      if (broken_) throw BrokenBarrierError();
      return index_;
    }
    void interrupt() noexcept override {
      --owner_.waiting_;
      ListedWait::interrupt();
    }

   private:
    friend class Barrier;
    friend ListedWait;
    static detail::IntrusiveList<WaitAwaiter>& wait_list(Barrier& barrier) noexcept { return barrier.waiters_; }
    std::size_t index_ = 0;
    bool broken_ = false;
  };

  WaitAwaiter wait() noexcept { return WaitAwaiter(*this); }

  // Breaks the barrier: current and later waiters raise BrokenBarrierError.
  void abort() {
    broken_ = true;
    break_waiters();
  }
  // Breaks the current round's waiters and makes the barrier usable again.
  void reset() {
    break_waiters();
    broken_ = false;
  }

  std::size_t parties() const noexcept { return parties_; }
  std::size_t n_waiting() const noexcept { return waiting_; }
  bool broken() const noexcept { return broken_; }

 private:
  void release_round() {
    waiting_ = 0;
    std::size_t index = 0;
    while (WaitAwaiter* w = waiters_.pop_front()) {
      w->index_ = index++;  // arrival order
      w->wake(detail::running_loop());
    }
  }
  void break_waiters() {
    waiting_ = 0;
    while (WaitAwaiter* w = waiters_.pop_front()) {
      w->broken_ = true;
      w->wake(detail::running_loop());
    }
  }

  std::size_t parties_;
  std::size_t waiting_ = 0;
  bool broken_ = false;
  detail::IntrusiveList<WaitAwaiter> waiters_;
};

}  // namespace corio
