// Event: wake every waiting task at once (asyncio.Event).
#pragma once

#include "corio/detail/intrusive_list.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/event_loop.hpp"

namespace corio {

// A flag tasks can wait for. set() wakes every waiter (in the order they started waiting) and lets
// later wait() calls pass at once until clear(). A cancelled waiter simply leaves.
class Event {
 public:
  Event() noexcept = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  class [[nodiscard]] WaitAwaiter final : public detail::ListedWait<WaitAwaiter, Event> {
   public:
    explicit WaitAwaiter(Event& event) noexcept : ListedWait(event) {}
    bool await_ready() const noexcept { return owner_.set_; }

   private:
    friend class Event;
    friend ListedWait;
    static detail::IntrusiveList<WaitAwaiter>& wait_list(Event& event) noexcept { return event.waiters_; }
  };

  // Waits until the event is set (returns at once if it is).
  WaitAwaiter wait() noexcept { return WaitAwaiter(*this); }

  void set() {
    if (set_) return;
    set_ = true;
    while (WaitAwaiter* w = waiters_.pop_front()) w->wake(detail::running_loop());
  }
  void clear() noexcept { set_ = false; }
  bool is_set() const noexcept { return set_; }

 private:
  bool set_ = false;
  detail::IntrusiveList<WaitAwaiter> waiters_;
};

}  // namespace corio
