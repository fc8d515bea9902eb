// run_in_executor(): run blocking or CPU-bound work on a thread pool without blocking the loop.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "corio/detail/inbox.hpp"
#include "corio/detail/leaf_wait.hpp"
#include "corio/detail/pool_job.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"

namespace corio {

// A fixed set of worker threads taking jobs in FIFO order. The destructor runs the queued jobs and
// joins the threads.
class ThreadPool {
 public:
  explicit ThreadPool(std::size_t threads = default_size()) {
    threads_.reserve(threads);
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i) {
      threads_.emplace_back([this] { work(); });
    }
  }
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;
  ~ThreadPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
  }

  void submit(detail::PoolJob& job) {
    {
      std::lock_guard lock(mutex_);
      job.next_ = nullptr;
      if (tail_ != nullptr) tail_->next_ = &job;
      else head_ = &job;
      tail_ = &job;
    }
    ready_.notify_one();
  }

  std::size_t size() const noexcept { return threads_.size(); }

  // The default executor (asyncio's): min(32, cores + 4) threads, started on first use.
  static ThreadPool& shared() {
    static ThreadPool pool;
    return pool;
  }
  static std::size_t default_size() noexcept {
    return std::min<std::size_t>(32, std::thread::hardware_concurrency() + 4);
  }

 private:
  void work() {
    for (;;) {
      detail::PoolJob* job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return head_ != nullptr || stopping_; });
        if (head_ == nullptr) return;  // stopping, and nothing left to run
        job = head_;
        head_ = job->next_;
        if (head_ == nullptr) tail_ = nullptr;
      }
      job->execute();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  detail::PoolJob* head_ = nullptr;
  detail::PoolJob* tail_ = nullptr;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

namespace detail {
template <class F, class R>
class ExecutorAwaiter;
}  // namespace detail

// Runs `fn()` on `pool` and resumes the awaiting coroutine on the loop thread with its result or
// exception; the loop keeps serving other tasks meanwhile. C++ has no GIL, so this covers both of
// asyncio's executors: blocking calls (ThreadPoolExecutor) and CPU-bound work
// (ProcessPoolExecutor). If the awaiting task is cancelled, CancelledError is raised right away
// and the result of the still-running call is discarded.
template <class F>
Task<std::invoke_result_t<std::decay_t<F>&>> run_in_executor(ThreadPool& pool, F fn) {
  using R = std::invoke_result_t<std::decay_t<F>&>;
  if constexpr (std::is_void_v<R>) {
    co_await detail::ExecutorAwaiter<F, R>(pool, std::move(fn));
  } else {
    co_return co_await detail::ExecutorAwaiter<F, R>(pool, std::move(fn));
  }
}

// The same on the shared default pool.
template <class F>
Task<std::invoke_result_t<std::decay_t<F>&>> run_in_executor(F fn) {
  return run_in_executor(ThreadPool::shared(), std::move(fn));
}

// --- Implementation -----------------------------------------------------------------------------

namespace detail {

template <class R>
class ExecutorAwaiterBase;

// Shared by the awaiting coroutine (loop thread) and the worker; freed by whichever lets go last.
// `state_` decides, once, whether the worker's result is delivered or the awaiter walked away.
template <class F, class R>
class ExecutorJob final : public PoolJob, public InboxItem {
 public:
  ExecutorJob(F&& fn, LoopCore& loop, ExecutorAwaiterBase<R>* awaiter)
      : fn_(std::move(fn)), loop_(loop), awaiter_(awaiter) {}

  void execute() noexcept override {
    try {
      if constexpr (std::is_void_v<R>) {
        std::invoke(fn_);
      } else {
        value_.emplace(std::invoke(fn_));
      }
    } catch (...) {
      error_ = std::current_exception();
    }
    int expected = kRunning;
    if (state_.compare_exchange_strong(expected, kCompleted, std::memory_order_acq_rel)) {
      loop_.post(*this);  // the worker's reference travels with the item
    } else {
      release();  // abandoned by a cancelled awaiter: drop the result
    }
  }

  void deliver() noexcept override {
    if (awaiter_ != nullptr) awaiter_->on_completed();
    release();
  }

  // Loop thread: true if the worker's result will never be posted; false if it already is.
  bool try_abandon() noexcept {
    int expected = kRunning;
    return state_.compare_exchange_strong(expected, kAbandoned, std::memory_order_acq_rel);
  }
  void forget_awaiter() noexcept { awaiter_ = nullptr; }

  auto take() {
    if (error_) std::rethrow_exception(error_);
    if constexpr (!std::is_void_v<R>) return std::move(*value_);
  }

  void release() noexcept {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }

 private:
  enum : int { kRunning, kCompleted, kAbandoned };
  F fn_;
  LoopCore& loop_;
  ExecutorAwaiterBase<R>* awaiter_;  // loop thread only
  std::conditional_t<std::is_void_v<R>, bool, std::optional<R>> value_{};
  std::exception_ptr error_;
  std::atomic<int> state_{kRunning};
  std::atomic<int> refs_{2};  // the awaiter and the worker
};

template <class R>
class ExecutorAwaiterBase : public LeafWait {
 public:
  void on_completed() { wake(running_loop()); }

 protected:
  ~ExecutorAwaiterBase() = default;
};

template <class F, class R>
class ExecutorAwaiter final : public ExecutorAwaiterBase<R> {
 public:
  ExecutorAwaiter(ThreadPool& pool, F&& fn) : pool_(pool), fn_(std::move(fn)) {}
  ~ExecutorAwaiter() { drop_job(); }

  bool await_ready() const noexcept { return false; }
  template <class Promise>
  bool await_suspend(std::coroutine_handle<Promise> h) {
    if (!this->begin(h)) return false;
    LoopCore& loop = current_loop();
    job_ = new ExecutorJob<F, R>(std::move(fn_), loop, this);
    loop.add_external();
    pool_.submit(*job_);
    this->watch();
    return true;
  }
  R await_resume() {
    this->unwatch();
    this->throw_if_cancelled();
    struct Release {
      ExecutorJob<F, R>*& job;
      ~Release() { std::exchange(job, nullptr)->release(); }
    } release{job_};
    return job_->take();
  }

  // The worker cannot be stopped: walk away from the job (its result is dropped) and raise
  // CancelledError now, as asyncio does. If the result is already on its way, it wins, and the
  // cancellation waits for the next suspension point.
  void interrupt() noexcept override {
    if (job_->try_abandon()) {
      running_loop().remove_external();
      std::exchange(job_, nullptr)->release();
      this->wake_cancelled(running_loop());
    } else {
      this->task_->request_cancel_later();
    }
  }

 private:
  void drop_job() noexcept {
    if (job_ == nullptr) return;
    if (job_->try_abandon()) running_loop().remove_external();
    job_->forget_awaiter();  // a result already posted is dropped on delivery
    std::exchange(job_, nullptr)->release();
  }

  ThreadPool& pool_;
  F fn_;
  ExecutorJob<F, R>* job_ = nullptr;
};

}  // namespace detail

}  // namespace corio
