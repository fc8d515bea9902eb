// Pool<T>: an async resource pool (SQLAlchemy's pool_size / max_overflow).
#pragma once

#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "corio/detail/intrusive_list.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"

namespace corio {

struct PoolOptions {
  std::size_t max_size = 10;     // resources kept open (pool_size)
  std::size_t max_overflow = 0;  // extra resources opened when exhausted, closed when returned
};

// `auto lease = co_await pool.acquire();` returns an RAII lease on an idle resource, a new one
// (up to max_size + max_overflow), or waits, in FIFO order, for one to be returned; bound the wait
// with wait_for. A returned resource that fails the health check (or a lease marked discard()) is
// closed and replaced on demand. aclose() waits for every lease to come back, then closes all.
// T may have `Task<void> aclose()`; it is awaited when a resource is closed.
template <class T>
class Pool {
 public:
  using Factory = std::function<Task<T>()>;
  using HealthCheck = std::function<bool(T&)>;

  explicit Pool(Factory factory, PoolOptions options = {}, HealthCheck healthy = {})
      : factory_(std::move(factory)), options_(options), healthy_(std::move(healthy)) {}
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  class [[nodiscard]] Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(std::exchange(other.pool_, nullptr)), resource_(std::move(other.resource_)), discard_(other.discard_) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ != nullptr) pool_->give_back(std::move(*resource_), discard_);
    }
    T& operator*() noexcept { return *resource_; }
    T* operator->() noexcept { return &*resource_; }
    // The resource is broken: close it instead of returning it.
    void discard() noexcept { discard_ = true; }

   private:
    friend class Pool;
    Lease(Pool& pool, T resource) : pool_(&pool), resource_(std::move(resource)) {}
    Pool* pool_;
    std::optional<T> resource_;
    bool discard_ = false;
  };

  Task<Lease> acquire() {
    co_await close_retired();
    if (closing_) throw std::logic_error("corio::Pool is closed");
    if (!idle_.empty()) {
      T resource = std::move(idle_.front());
      idle_.pop_front();
      co_return Lease(*this, std::move(resource));
    }
    if (waiters_.empty() && open_ < options_.max_size + options_.max_overflow) {
      ++open_;
      co_return co_await create();
    }
    WaitForResource wait(*this);
    co_await wait;
    if (wait.resource) co_return Lease(*this, std::move(*wait.resource));
    co_return co_await create();  // a slot freed by a discarded resource
  }

  // Waits until every lease is back, then closes every resource.
  Task<void> aclose() {
    closing_ = true;
    while (in_use() > 0) {
      DrainWait wait(*this);
      co_await wait;
    }
    while (!idle_.empty()) {
      retired_.push_back(std::move(idle_.front()));
      idle_.pop_front();
      --open_;
    }
    co_await close_retired();
  }

  std::size_t size() const noexcept { return open_; }
  std::size_t idle() const noexcept { return idle_.size(); }
  std::size_t in_use() const noexcept { return open_ - idle_.size(); }

 private:
  class WaitForResource final : public detail::ListedWait<WaitForResource, Pool> {
   public:
    explicit WaitForResource(Pool& pool) noexcept : detail::ListedWait<WaitForResource, Pool>(pool) {}
    ~WaitForResource() {
      if (handed_ && !resumed_) {  // destroyed between the hand-over and the resumption
        if (resource) this->owner_.give_back(std::move(*resource), false);
        else this->owner_.release_slot();
      }
    }
    bool await_ready() const noexcept { return false; }
    void await_resume() {
      resumed_ = true;
      this->end_wait();
    }
    void hand_over(std::optional<T> r) {
      resource = std::move(r);
      handed_ = true;
      this->wake(detail::running_loop());
    }
    std::optional<T> resource;

   private:
    friend class detail::ListedWait<WaitForResource, Pool>;
    static detail::IntrusiveList<WaitForResource>& wait_list(Pool& pool) noexcept { return pool.waiters_; }
    bool handed_ = false;
    bool resumed_ = false;
  };

  class DrainWait final : public detail::ListedWait<DrainWait, Pool> {
   public:
    explicit DrainWait(Pool& pool) noexcept : detail::ListedWait<DrainWait, Pool>(pool) {}
    bool await_ready() const noexcept { return this->owner_.in_use() == 0; }
    void done() { this->wake(detail::running_loop()); }

   private:
    friend class detail::ListedWait<DrainWait, Pool>;
    static detail::IntrusiveList<DrainWait>& wait_list(Pool& pool) noexcept { return pool.drainers_; }
  };

  Task<Lease> create() {
    std::optional<T> made;
    try {
      made.emplace(co_await factory_());
    } catch (...) {
      release_slot();
      throw;
    }
    co_return Lease(*this, std::move(*made));
  }

  void give_back(T resource, bool discard) {
    if (discard || (healthy_ && !healthy_(resource))) {
      retired_.push_back(std::move(resource));
      release_slot();
    } else if (WaitForResource* w = waiters_.pop_front()) {
      w->hand_over(std::move(resource));  // FIFO: straight to the longest waiter
    } else if (closing_ || open_ > options_.max_size) {
      retired_.push_back(std::move(resource));  // an overflow resource: close it
      --open_;
    } else {
      idle_.push_back(std::move(resource));
    }
    if (in_use() == 0) {
      while (DrainWait* d = drainers_.pop_front()) d->done();
    }
  }

  // A resource is gone: its slot goes to the first waiter, which opens a new one.
  void release_slot() {
    if (WaitForResource* w = waiters_.pop_front()) {
      w->hand_over(std::nullopt);
    } else {
      --open_;
    }
  }

  Task<void> close_retired() {
    while (!retired_.empty()) {
      T resource = std::move(retired_.back());
      retired_.pop_back();
      if constexpr (requires { resource.aclose(); }) {
        try {
          co_await resource.aclose();
        } catch (const std::exception&) {
          // closing a broken resource may fail; it is gone either way
        }
      }
    }
  }

  Factory factory_;
  PoolOptions options_;
  HealthCheck healthy_;
  std::deque<T> idle_;
  std::vector<T> retired_;
  std::size_t open_ = 0;  // idle + leased (+ being created)
  bool closing_ = false;
  detail::IntrusiveList<WaitForResource> waiters_;
  detail::IntrusiveList<DrainWait> drainers_;
};

}  // namespace corio
