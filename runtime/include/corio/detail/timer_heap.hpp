// The loop's timers: a binary min-heap of deadlines on the loop's clock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "corio/clock.hpp"

namespace corio::detail {

// An entry of the timer heap. fire() runs on the loop thread when the deadline passes.
class TimerNode {
 public:
  static constexpr std::uint32_t kNotArmed = std::numeric_limits<std::uint32_t>::max();
  virtual void fire() noexcept = 0;
  bool armed() const noexcept { return heap_index_ != kNotArmed; }

 protected:
  ~TimerNode() = default;

 private:
  friend class TimerHeap;
  std::uint32_t heap_index_ = kNotArmed;
  std::uint32_t seq_ = 0;  // arming order, compared with wrap-around, breaks deadline ties
};

// The armed timers, earliest deadline first; equal deadlines fire in arming order. A node knows its
// place in the heap, so disarming one is O(log n).
class TimerHeap {
 public:
  bool empty() const noexcept { return timers_.empty(); }
  // The earliest deadline (the heap must not be empty).
  TimePoint next_deadline() const noexcept { return TimePoint(Duration(timers_.front().deadline)); }

  void add(TimerNode& node, TimePoint deadline) {
    node.seq_ = next_seq_++;
    timers_.push_back({deadline.time_since_epoch().count(), &node});
    node.heap_index_ = static_cast<std::uint32_t>(timers_.size() - 1);
    sift_up(timers_.size() - 1);
  }

  void cancel(TimerNode& node) noexcept {
    if (!node.armed()) return;
    const std::size_t i = node.heap_index_;
    node.heap_index_ = TimerNode::kNotArmed;
    const std::size_t last = timers_.size() - 1;
    if (i != last) {
      timers_[i] = timers_[last];
      timers_[i].node->heap_index_ = static_cast<std::uint32_t>(i);
      timers_.pop_back();
      if (!sift_up(i)) sift_down(i);
    } else {
      timers_.pop_back();
    }
  }

  // Disarms and fires, in order, every timer whose deadline is at or before `now`.
  void fire_due(TimePoint now) {
    const TimePoint::rep now_ticks = now.time_since_epoch().count();
    while (!timers_.empty() && timers_.front().deadline <= now_ticks) {
      TimerNode* node = timers_.front().node;
      cancel(*node);
      node->fire();
    }
  }

 private:
  // 16 bytes: a million sleeping tasks keep a million of these.
  struct Entry {
    TimePoint::rep deadline;
    TimerNode* node;
    bool before(const Entry& o) const noexcept {
      // Equal deadlines fire in arming order.
      return deadline < o.deadline ||
             (deadline == o.deadline && static_cast<std::int32_t>(node->seq_ - o.node->seq_) < 0);
    }
  };

  bool sift_up(std::size_t i) noexcept {
    bool moved = false;
    while (i > 0) {
      const std::size_t parent = (i - 1) / 2;
      if (!timers_[i].before(timers_[parent])) break;
      swap_entries(i, parent);
      i = parent;
      moved = true;
    }
    return moved;
  }
  void sift_down(std::size_t i) noexcept {
    const std::size_t n = timers_.size();
    for (;;) {
      std::size_t smallest = i;
      const std::size_t l = 2 * i + 1, r = l + 1;
      if (l < n && timers_[l].before(timers_[smallest])) smallest = l;
      if (r < n && timers_[r].before(timers_[smallest])) smallest = r;
      if (smallest == i) return;
      swap_entries(i, smallest);
      i = smallest;
    }
  }
  void swap_entries(std::size_t a, std::size_t b) noexcept {
    std::swap(timers_[a], timers_[b]);
    timers_[a].node->heap_index_ = static_cast<std::uint32_t>(a);
    timers_[b].node->heap_index_ = static_cast<std::uint32_t>(b);
  }

  std::vector<Entry> timers_;
  std::uint32_t next_seq_ = 0;
};

}  // namespace corio::detail
