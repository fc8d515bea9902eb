// The loop's inbox: how executor threads hand results back to the loop thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <mutex>
#include <vector>

#include "corio/detail/reactor.hpp"

namespace corio::detail {

// Something an executor thread hands back to the loop through its post().
class InboxItem {
 public:
  virtual void deliver() noexcept = 0;  // runs on the loop thread

 protected:
  ~InboxItem() = default;
};

// A mutex-guarded list of posted items, and the count of items still to come (submitted executor
// jobs), which keeps the loop waiting for them instead of reporting a deadlock.
class Inbox {
 public:
  // Loop thread: an executor job was submitted; its result will come back through post().
  void expect() noexcept { ++pending_; }
  // Loop thread: a submitted job was abandoned by its awaiter and will never be posted.
  void forget() noexcept { --pending_; }
  // Items expected and not delivered yet.
  std::size_t pending() const noexcept { return pending_; }

  // Loop thread: true when post() has added items since the last drain().
  bool nonempty() const noexcept { return nonempty_.load(std::memory_order_acquire); }

  // Any thread: hands an item to the loop thread, which delivers it on its next step.
  void post(InboxItem& item, const Reactor& reactor) {
    // The wakeup is written under the lock: once the loop has drained this item it may be
    // destroyed, so the poster must be done with the eventfd by then.
    std::lock_guard lock(mutex_);
    const bool was_empty = items_.empty();
    items_.push_back(&item);
    nonempty_.store(true, std::memory_order_release);
    if (was_empty) reactor.wake();
  }

  // Loop thread: delivers every posted item.
  void drain() {
    std::vector<InboxItem*> items;
    {
      std::lock_guard lock(mutex_);
      items.swap(items_);
      nonempty_.store(false, std::memory_order_relaxed);
    }
    for (InboxItem* item : items) {
      --pending_;
      item->deliver();
    }
  }

 private:
  std::size_t pending_ = 0;  // loop thread only
  std::mutex mutex_;
  std::vector<InboxItem*> items_;
  std::atomic<bool> nonempty_{false};
};

}  // namespace corio::detail
