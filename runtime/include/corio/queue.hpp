// Queue<T>: producer/consumer hand-off with back-pressure (asyncio.Queue).
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <stdexcept>
#include <utility>

#include "corio/detail/intrusive_list.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/event_loop.hpp"

namespace corio {

class QueueFull : public std::runtime_error {
 public:
  QueueFull() : std::runtime_error("corio::QueueFull") {}
};
class QueueEmpty : public std::runtime_error {
 public:
  QueueEmpty() : std::runtime_error("corio::QueueEmpty") {}
};

// A FIFO between tasks. With maxsize > 0, put() waits while the queue is full (back-pressure).
// Every put() counts an unfinished item; consumers call task_done() once per item processed, and
// join() waits until every item has been. Waiting getters and putters are served in FIFO order,
// and an item put while a getter waits goes straight to that getter.
template <class T>
class Queue {
 public:
  explicit Queue(std::size_t maxsize = 0) : maxsize_(maxsize) {}
  Queue(const Queue&) = delete;
  Queue& operator=(const Queue&) = delete;

  class [[nodiscard]] PutAwaiter final : public detail::LeafWait, public detail::ListHook {
   public:
    PutAwaiter(Queue& q, T item) : queue_(q), item_(std::move(item)) {}
    ~PutAwaiter() { queue_.putters_.remove(*this); }
    bool await_ready() { return queue_.try_put(item_); }
    template <class Promise>
    bool await_suspend(std::coroutine_handle<Promise> h) {
      if (!begin(h)) return false;
      queue_.putters_.push_back(*this);
      watch();
      return true;
    }
    void await_resume() {
      unwatch();
      throw_if_cancelled();
    }
    void interrupt() noexcept override {
      queue_.putters_.remove(*this);
      wake_cancelled(*EventLoop::current());
    }

   private:
    friend class Queue;
    Queue& queue_;
    T item_;
  };

  class [[nodiscard]] GetAwaiter final : public detail::LeafWait, public detail::ListHook {
   public:
    explicit GetAwaiter(Queue& q) noexcept : queue_(q) {}
    ~GetAwaiter() { queue_.getters_.remove(*this); }
    bool await_ready() {
      if (queue_.items_.empty()) return false;
      item_.emplace(queue_.pop_front());
      return true;
    }
    template <class Promise>
    bool await_suspend(std::coroutine_handle<Promise> h) {
      if (!begin(h)) return false;
      queue_.getters_.push_back(*this);
      watch();
      return true;
    }
    T await_resume() {
      unwatch();
      throw_if_cancelled();
      return std::move(*item_);
    }
    void interrupt() noexcept override {
      queue_.getters_.remove(*this);
      wake_cancelled(*EventLoop::current());
    }

   private:
    friend class Queue;
    Queue& queue_;
    std::optional<T> item_;
  };

  class [[nodiscard]] JoinAwaiter final : public detail::LeafWait, public detail::ListHook {
   public:
    explicit JoinAwaiter(Queue& q) noexcept : queue_(q) {}
    ~JoinAwaiter() { queue_.joiners_.remove(*this); }
    bool await_ready() const noexcept { return queue_.unfinished_ == 0; }
    template <class Promise>
    bool await_suspend(std::coroutine_handle<Promise> h) {
      if (!begin(h)) return false;
      queue_.joiners_.push_back(*this);
      watch();
      return true;
    }
    void await_resume() {
      unwatch();
      throw_if_cancelled();
    }
    void interrupt() noexcept override {
      queue_.joiners_.remove(*this);
      wake_cancelled(*EventLoop::current());
    }

   private:
    friend class Queue;
    Queue& queue_;
  };

  // Waits for room, then adds the item.
  PutAwaiter put(T item) { return PutAwaiter(*this, std::move(item)); }
  // Waits for an item and removes it.
  GetAwaiter get() noexcept { return GetAwaiter(*this); }
  // Waits until task_done() has been called for every item put so far.
  JoinAwaiter join() noexcept { return JoinAwaiter(*this); }

  void put_nowait(T item) {
    if (!try_put(item)) throw QueueFull();
  }
  T get_nowait() {
    if (items_.empty()) throw QueueEmpty();
    return pop_front();
  }
  // Marks one item taken by get() as processed.
  void task_done() {
    if (unfinished_ == 0) throw std::logic_error("corio::Queue::task_done called too many times");
    if (--unfinished_ == 0) {
      while (JoinAwaiter* j = joiners_.pop_front()) j->wake(*EventLoop::current());
    }
  }

  std::size_t size() const noexcept { return items_.size(); }
  bool empty() const noexcept { return items_.empty(); }
  bool full() const noexcept { return maxsize_ > 0 && items_.size() >= maxsize_; }
  std::size_t maxsize() const noexcept { return maxsize_; }

 private:
  bool try_put(T& item) {
    if (GetAwaiter* getter = getters_.pop_front()) {  // the queue is empty: hand over directly
      getter->item_.emplace(std::move(item));
      ++unfinished_;
      getter->wake(*EventLoop::current());
      return true;
    }
    if (full() || !putters_.empty()) return false;
    items_.push_back(std::move(item));
    ++unfinished_;
    return true;
  }

  T pop_front() {
    T item = std::move(items_.front());
    items_.pop_front();
    if (PutAwaiter* putter = putters_.pop_front()) {  // room again: admit the first waiting putter
      items_.push_back(std::move(putter->item_));
      ++unfinished_;
      putter->wake(*EventLoop::current());
    }
    return item;
  }

  std::size_t maxsize_;
  std::size_t unfinished_ = 0;
  std::deque<T> items_;
  detail::IntrusiveList<GetAwaiter> getters_;
  detail::IntrusiveList<PutAwaiter> putters_;
  detail::IntrusiveList<JoinAwaiter> joiners_;
};

}  // namespace corio
