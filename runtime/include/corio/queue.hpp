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

  class [[nodiscard]] PutAwaiter final : public detail::ListedWait<PutAwaiter, Queue> {
   public:
    PutAwaiter(Queue& q, T item) : detail::ListedWait<PutAwaiter, Queue>(q), item_(std::move(item)) {}
    bool await_ready() { return this->owner_.try_put(item_); }

   private:
    friend class Queue;
    friend class detail::ListedWait<PutAwaiter, Queue>;
    static detail::IntrusiveList<PutAwaiter>& wait_list(Queue& q) noexcept { return q.putters_; }
    T item_;
  };

  class [[nodiscard]] GetAwaiter final : public detail::ListedWait<GetAwaiter, Queue> {
   public:
    explicit GetAwaiter(Queue& q) noexcept : detail::ListedWait<GetAwaiter, Queue>(q) {}
    bool await_ready() {
      if (this->owner_.items_.empty()) return false;
      item_.emplace(this->owner_.pop_front());
      return true;
    }
    T await_resume() {
      this->end_wait();
      return std::move(*item_);
    }

   private:
    friend class Queue;
    friend class detail::ListedWait<GetAwaiter, Queue>;
    static detail::IntrusiveList<GetAwaiter>& wait_list(Queue& q) noexcept { return q.getters_; }
    std::optional<T> item_;
  };

  class [[nodiscard]] JoinAwaiter final : public detail::ListedWait<JoinAwaiter, Queue> {
   public:
    explicit JoinAwaiter(Queue& q) noexcept : detail::ListedWait<JoinAwaiter, Queue>(q) {}
    bool await_ready() const noexcept { return this->owner_.unfinished_ == 0; }

   private:
    friend class Queue;
    friend class detail::ListedWait<JoinAwaiter, Queue>;
    static detail::IntrusiveList<JoinAwaiter>& wait_list(Queue& q) noexcept { return q.joiners_; }
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
      while (JoinAwaiter* j = joiners_.pop_front()) j->wake(detail::running_loop());
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
      getter->wake(detail::running_loop());
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
      putter->wake(detail::running_loop());
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
