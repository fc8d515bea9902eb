// The event loop: one per thread, a ready queue, a timer heap on a steady or virtual clock, an epoll
// instance for file descriptors, and an inbox through which executor threads hand results back.
#pragma once

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <coroutine>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <memory>
#include <mutex>
#include <system_error>
#include <utility>
#include <vector>

#include "corio/clock.hpp"
#include "corio/detail/context.hpp"
#include "corio/errors.hpp"
#include "corio/run_options.hpp"

namespace corio {

class EventLoop;

namespace detail {

// Work queued on the loop that is not a coroutine resumption (starting a spawned task...).
class ReadyCallback {
 public:
  virtual void run_ready() noexcept = 0;

 protected:
  ~ReadyCallback() = default;
};

// An entry of the timer heap. fire() runs on the loop thread when the deadline passes.
class TimerNode {
 public:
  static constexpr std::uint32_t kNotArmed = std::numeric_limits<std::uint32_t>::max();
  virtual void fire() noexcept = 0;
  bool armed() const noexcept { return heap_index_ != kNotArmed; }

 protected:
  ~TimerNode() = default;

 private:
  friend class corio::EventLoop;
  std::uint32_t heap_index_ = kNotArmed;
  std::uint32_t seq_ = 0;  // arming order, compared with wrap-around, breaks deadline ties
};

// Something an executor thread hands back to the loop through EventLoop::post().
class InboxItem {
 public:
  virtual void deliver() noexcept = 0;  // runs on the loop thread

 protected:
  ~InboxItem() = default;
};

// A file descriptor registered with the loop's epoll instance.
class IoSource {
 public:
  virtual void on_io(std::uint32_t epoll_events) noexcept = 0;

 protected:
  ~IoSource() = default;
};

// A task started by create_task(): the loop tracks it so that run() can cancel what is still
// running when the main task returns, and report failures nobody retrieved.
class SpawnedTask : public TaskContext, public ReadyCallback {
 public:
  virtual bool finished() const noexcept = 0;
  // Shutdown, for a task that ignored cancellation and cannot progress: destroy its frames.
  virtual void abandon() noexcept = 0;
  // Shutdown: the loop is going away; report an unretrieved failure now.
  virtual void detach_from_loop() noexcept = 0;
  // Frees the task once nothing refers to it (called by the loop, outside the task's frames).
  virtual void destroy() noexcept = 0;

 protected:
  ~SpawnedTask() = default;

 private:
  friend class corio::EventLoop;
  SpawnedTask* prev_ = nullptr;
  SpawnedTask* next_ = nullptr;
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

  void push(Item item) {
    if (tail_ - head_ == capacity_) grow();
    items_[tail_++ & (capacity_ - 1)] = item;
  }
  Item pop() noexcept { return items_[head_++ & (capacity_ - 1)]; }

 private:
  void grow() {
    const std::size_t new_capacity = capacity_ == 0 ? 256 : capacity_ * 2;
    auto fresh = std::make_unique<Item[]>(new_capacity);
    for (std::size_t i = 0; i < tail_ - head_; ++i) fresh[i] = items_[(head_ + i) & (capacity_ - 1)];
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

inline std::mutex& unobserved_handler_mutex() {
  static std::mutex m;
  return m;
}
inline UnobservedExceptionHandler& unobserved_handler_storage() {
  static UnobservedExceptionHandler handler;
  return handler;
}

inline std::string describe(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (const CancelledError& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

inline bool is_cancellation(const std::exception_ptr& error) {
  if (!error) return false;
  try {
    std::rethrow_exception(error);
  } catch (const CancelledError&) {
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace detail

inline UnobservedExceptionHandler set_unobserved_exception_handler(
    UnobservedExceptionHandler handler) {
  std::lock_guard lock(detail::unobserved_handler_mutex());
  return std::exchange(detail::unobserved_handler_storage(), std::move(handler));
}

class EventLoop {
 public:
  explicit EventLoop(RunOptions options = {}) : options_(std::move(options)) {
    if (options_.virtual_clock) virtual_now_ = TimePoint{};
    epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (epoll_fd_ < 0 || wake_fd_ < 0) {
      const int err = errno;
      close_fds();
      throw std::system_error(err, std::system_category(), "corio::EventLoop");
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr;  // null marks the wakeup eventfd
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
  }

  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  ~EventLoop() {
    // Results already handed over by executor threads must arrive before the inbox goes away.
    while (external_pending_ > 0) {
      wait_io(-1);
      drain_inbox();
    }
    close_fds();
  }

  // The loop running on this thread, or null.
  static EventLoop* current() noexcept { return current_; }

  // Makes this the current loop of the thread for the scope's lifetime.
  class Scope {
   public:
    explicit Scope(EventLoop& loop) noexcept : previous_(std::exchange(current_, &loop)) {}
    ~Scope() { current_ = previous_; }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    EventLoop* previous_;
  };

  const RunOptions& options() const noexcept { return options_; }

  TimePoint now() const noexcept {
    if (options_.virtual_clock) return virtual_now_;
    return TimePoint(std::chrono::duration_cast<Duration>(
        std::chrono::steady_clock::now().time_since_epoch()));
  }

  // --- Loop thread only ------------------------------------------------------------------------

  void schedule(std::coroutine_handle<> h, detail::TaskContext* task) {
    ready_.push({h.address(), task});
  }
  void schedule(detail::ReadyCallback& cb, detail::TaskContext* task) {
    ready_.push({tag(&cb), task});
  }

  void add_timer(detail::TimerNode& node, TimePoint deadline) {
    node.seq_ = next_timer_seq_++;
    timers_.push_back({deadline.time_since_epoch().count(), &node});
    node.heap_index_ = static_cast<std::uint32_t>(timers_.size() - 1);
    sift_up(timers_.size() - 1);
  }
  void cancel_timer(detail::TimerNode& node) noexcept {
    if (!node.armed()) return;
    const std::size_t i = node.heap_index_;
    node.heap_index_ = detail::TimerNode::kNotArmed;
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

  // File descriptors (edge-triggered; the source keeps trying its syscall until EAGAIN).
  void watch_fd(int fd, detail::IoSource& source, std::uint32_t events) {
    epoll_event ev{};
    ev.events = events | EPOLLET;
    ev.data.ptr = &source;
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
      throw std::system_error(errno, std::system_category(), "epoll_ctl(ADD)");
    }
    ++watched_fds_;
  }
  void unwatch_fd(int fd) noexcept {
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr) == 0) --watched_fds_;
  }
  // Operations waiting for a file descriptor; while there are none, the loop skips epoll.
  void add_io_waiter() noexcept { ++io_waiters_; }
  void remove_io_waiter() noexcept { --io_waiters_; }

  // An executor job was submitted: its result will come back through post().
  void add_external() noexcept { ++external_pending_; }
  // A submitted job was abandoned by its awaiter (cancellation) and will never be posted.
  void remove_external() noexcept { --external_pending_; }

  void register_task(detail::SpawnedTask& task) noexcept {
    task.prev_ = nullptr;
    task.next_ = tasks_;
    if (tasks_ != nullptr) tasks_->prev_ = &task;
    tasks_ = &task;
  }
  void unregister_task(detail::SpawnedTask& task) noexcept {
    if (task.prev_ != nullptr) task.prev_->next_ = task.next_;
    else if (tasks_ == &task) tasks_ = task.next_;
    if (task.next_ != nullptr) task.next_->prev_ = task.prev_;
    task.prev_ = task.next_ = nullptr;
  }
  // Frees a finished task after the current step (it may be inside its own final suspension now).
  void retire(detail::SpawnedTask& task) { retired_.push_back(&task); }

  void report_unobserved(const char* task_name, std::exception_ptr error) {
    unobserved_.push_back({task_name, std::move(error)});
  }

  // Runs until `done` becomes true. Throws DeadlockError when nothing can make progress.
  void run_until(const bool& done) {
    while (!done) step();
  }

  // After the main task returned: cancel the tasks still running, let them finish, force-destroy
  // the ones that cannot, and report failures nobody retrieved.
  void shutdown() noexcept {
    for (detail::SpawnedTask* t = tasks_; t != nullptr; t = t->next_) {
      if (!t->finished()) t->cancel();
    }
    try {
      while (any_unfinished_task()) step();
    } catch (...) {
      // Deadlock among the remaining tasks: abandoned below.
    }
    for (detail::SpawnedTask* t = tasks_; t != nullptr; t = t->next_) {
      if (!t->finished()) t->abandon();
    }
    free_retired();
    while (tasks_ != nullptr) {
      detail::SpawnedTask* t = tasks_;
      unregister_task(*t);
      t->detach_from_loop();
    }
    free_retired();
    report_all_unobserved();
  }

  // --- Any thread ------------------------------------------------------------------------------

  // Hands an item to the loop thread, which delivers it on its next step.
  void post(detail::InboxItem& item) {
    // The wakeup is written under the lock: once the loop has drained this item it may be
    // destroyed, so the poster must be done with the eventfd by then.
    std::lock_guard lock(inbox_mutex_);
    const bool was_empty = inbox_.empty();
    inbox_.push_back(&item);
    inbox_nonempty_.store(true, std::memory_order_release);
    if (was_empty) {
      const std::uint64_t one = 1;
      [[maybe_unused]] auto n = ::write(wake_fd_, &one, sizeof one);
    }
  }

 private:
  // 16 bytes: a million sleeping tasks keep a million of these.
  struct TimerEntry {
    TimePoint::rep deadline;
    detail::TimerNode* node;
    bool before(const TimerEntry& o) const noexcept {
      // Equal deadlines fire in arming order.
      return deadline < o.deadline ||
             (deadline == o.deadline && static_cast<std::int32_t>(node->seq_ - o.node->seq_) < 0);
    }
  };

  static void* tag(detail::ReadyCallback* cb) noexcept {
    return reinterpret_cast<void*>(reinterpret_cast<std::uintptr_t>(cb) | 1u);
  }

  void step() {
    if (inbox_nonempty_.load(std::memory_order_acquire)) drain_inbox();
    if (ready_.empty()) {
      wait_for_work();
    } else if (io_waiters_ > 0) {
      wait_io(0);
    }
    if (!timers_.empty()) fire_due_timers();
    run_ready();
    if (!retired_.empty()) free_retired();
  }

  void wait_for_work() {
    if (!timers_.empty()) {
      const TimePoint next(Duration(timers_.front().deadline));
      if (options_.virtual_clock) {
        if (io_waiters_ > 0 || external_pending_ > 0) wait_io(0);
        if (ready_.empty() && !inbox_nonempty_.load(std::memory_order_acquire)) {
          virtual_now_ = std::max(virtual_now_, next);
        }
      } else {
        const Duration left = next - now();
        if (left > Duration::zero()) {
          // Round up so that the timer is due when epoll returns.
          wait_io(static_cast<int>(std::min<Duration::rep>(
              (left.count() + 999'999) / 1'000'000, std::numeric_limits<int>::max())));
        }
      }
    } else if (io_waiters_ > 0 || external_pending_ > 0) {
      wait_io(-1);
    } else {
      throw DeadlockError();
    }
    if (inbox_nonempty_.load(std::memory_order_acquire)) drain_inbox();
  }

  void wait_io(int timeout_ms) {
    epoll_event events[64];
    int n = ::epoll_wait(epoll_fd_, events, 64, timeout_ms);
    for (int i = 0; i < n; ++i) {
      if (events[i].data.ptr == nullptr) {
        std::uint64_t count;
        [[maybe_unused]] auto r = ::read(wake_fd_, &count, sizeof count);
      } else {
        static_cast<detail::IoSource*>(events[i].data.ptr)->on_io(events[i].events);
      }
    }
  }

  void drain_inbox() {
    std::vector<detail::InboxItem*> items;
    {
      std::lock_guard lock(inbox_mutex_);
      items.swap(inbox_);
      inbox_nonempty_.store(false, std::memory_order_relaxed);
    }
    for (detail::InboxItem* item : items) {
      --external_pending_;
      item->deliver();
    }
  }

  void fire_due_timers() {
    const TimePoint::rep now_ticks = now().time_since_epoch().count();
    while (!timers_.empty() && timers_.front().deadline <= now_ticks) {
      detail::TimerNode* node = timers_.front().node;
      cancel_timer(*node);
      node->fire();
    }
  }

  void run_ready() {
    // Only the work that is ready now: what it schedules runs after the next poll, so a task that
    // keeps yielding cannot starve timers and I/O.
    std::size_t n = ready_.size();
    if (!options_.debug) {
      while (n-- > 0) dispatch(ready_.pop().what);
      return;
    }
    while (n-- > 0) {
      const auto item = ready_.pop();
      const auto start = std::chrono::steady_clock::now();
      dispatch(item.what);
      const auto took = std::chrono::steady_clock::now() - start;
      if (took > options_.slow_step_threshold) report_slow_step(item.task, took);
    }
  }

  static void dispatch(void* what) noexcept {
    const auto bits = reinterpret_cast<std::uintptr_t>(what);
    if (bits & 1u) {
      reinterpret_cast<detail::ReadyCallback*>(bits & ~std::uintptr_t{1})->run_ready();
    } else {
      std::coroutine_handle<>::from_address(what).resume();
    }
  }

  void report_slow_step(detail::TaskContext* task, std::chrono::steady_clock::duration took) {
    SlowStep step{task != nullptr ? task->name() : "<unknown task>",
                  std::chrono::duration_cast<Duration>(took)};
    if (options_.on_slow_step) {
      options_.on_slow_step(step);
    } else {
      std::fprintf(stderr, "corio: task '%s' blocked the event loop for %.1f ms (threshold %.1f ms)\n",
                   step.task_name.c_str(), std::chrono::duration<double, std::milli>(took).count(),
                   std::chrono::duration<double, std::milli>(options_.slow_step_threshold).count());
    }
  }

  bool any_unfinished_task() const noexcept {
    for (detail::SpawnedTask* t = tasks_; t != nullptr; t = t->next_) {
      if (!t->finished()) return true;
    }
    return false;
  }

  void free_retired() noexcept {
    std::vector<detail::SpawnedTask*> retired;
    retired.swap(retired_);
    for (detail::SpawnedTask* t : retired) t->destroy();
  }

  void report_all_unobserved() noexcept {
    UnobservedExceptionHandler handler = options_.on_unobserved_exception;
    if (!handler) {
      std::lock_guard lock(detail::unobserved_handler_mutex());
      handler = detail::unobserved_handler_storage();
    }
    for (auto& u : unobserved_) {
      try {
        if (handler) {
          handler(u);
        } else {
          std::fprintf(stderr, "corio: task exception was never retrieved: task '%s': %s\n",
                       u.task_name.c_str(), detail::describe(u.error).c_str());
        }
      } catch (...) {
        // A throwing handler must not take the loop's teardown with it.
      }
    }
    unobserved_.clear();
  }

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

  void close_fds() noexcept {
    if (wake_fd_ >= 0) ::close(wake_fd_);
    if (epoll_fd_ >= 0) ::close(epoll_fd_);
    wake_fd_ = epoll_fd_ = -1;
  }

  static constinit inline thread_local EventLoop* current_ = nullptr;

  RunOptions options_;
  TimePoint virtual_now_{};
  detail::ReadyQueue ready_;
  std::vector<TimerEntry> timers_;
  std::uint32_t next_timer_seq_ = 0;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::size_t watched_fds_ = 0;
  std::size_t io_waiters_ = 0;
  std::size_t external_pending_ = 0;
  detail::SpawnedTask* tasks_ = nullptr;
  std::vector<detail::SpawnedTask*> retired_;
  std::vector<UnobservedException> unobserved_;

  std::mutex inbox_mutex_;
  std::vector<detail::InboxItem*> inbox_;
  std::atomic<bool> inbox_nonempty_{false};
};

inline Clock::time_point Clock::now() noexcept {
  if (EventLoop* loop = EventLoop::current()) return loop->now();
  return time_point(std::chrono::duration_cast<Duration>(
      std::chrono::steady_clock::now().time_since_epoch()));
}

namespace detail {

// The running loop; the awaitables of corio only work inside run().
inline EventLoop& current_loop() {
  EventLoop* loop = EventLoop::current();
  if (loop == nullptr) throw std::logic_error("corio: no event loop is running on this thread (use corio::run)");
  return *loop;
}

}  // namespace detail
}  // namespace corio
