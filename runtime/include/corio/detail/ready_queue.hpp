// The loop's ready queue: the work that runs in the current step, in FIFO order.
#pragma once

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

#include "corio/detail/context.hpp"

namespace corio::detail {

// Work queued on the loop that is not a coroutine resumption (starting a spawned task...).
class ReadyCallback {
 public:
  virtual void run_ready() noexcept = 0;

 protected:
  ~ReadyCallback() = default;
};

// A FIFO ring buffer of ready work: a coroutine frame address, or a tagged ReadyCallback pointer,
// together with the task it runs for (named in debug-mode reports).
class ReadyQueue {
 public:
  struct Item {
    void* what;
    TaskContext* task;
  };

  bool empty() const noexcept { return head_ == tail_; }
  std::size_t size() const noexcept { return tail_ - head_; }

  void push(std::coroutine_handle<> h, TaskContext* task) { push({h.address(), task}); }
  void push(ReadyCallback& cb, TaskContext* task) { push({tag(&cb), task}); }
  Item pop() noexcept { return items_[head_++ & (capacity_ - 1)]; }

  // Runs the work of an item taken by pop().
  static void dispatch(void* what) noexcept {
    const auto bits = reinterpret_cast<std::uintptr_t>(what);
    if (bits & 1u) {
      reinterpret_cast<ReadyCallback*>(bits & ~std::uintptr_t{1})->run_ready();
    } else {
      std::coroutine_handle<>::from_address(what).resume();
    }
  }

 private:
  static void* tag(ReadyCallback* cb) noexcept {
    return reinterpret_cast<void*>(reinterpret_cast<std::uintptr_t>(cb) | 1u);
  }

  void push(Item item) {
    if (tail_ - head_ == capacity_) grow();
    items_[tail_++ & (capacity_ - 1)] = item;
  }

  void grow() {
    const std::size_t new_capacity = capacity_ == 0 ? 256 : capacity_ * 2;
    auto fresh = std::make_unique<Item[]>(new_capacity);
    for (std::size_t i = 0; i < tail_ - head_; ++i)
      fresh[i] = items_[(head_ + i) & (capacity_ - 1)];
    tail_ -= head_;
    head_ = 0;
    items_ = std::move(fresh);
    capacity_ = new_capacity;
  }

  std::unique_ptr<Item[]> items_;
  std::size_t capacity_ = 0;
  std::size_t head_ = 0;
  std::size_t tail_ = 0;
};

}  // namespace corio::detail
