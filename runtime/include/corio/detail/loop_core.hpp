// The machinery behind an EventLoop: its parts, the hooks the rest of the runtime calls, and one
// step of the loop. Not for users: they see corio::EventLoop (event_loop.hpp).
#pragma once

#include <algorithm>
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <utility>

#include "corio/clock.hpp"
#include "corio/detail/context.hpp"
#include "corio/detail/debug_report.hpp"
#include "corio/detail/exception_policy.hpp"
#include "corio/detail/inbox.hpp"
#include "corio/detail/reactor.hpp"
#include "corio/detail/ready_queue.hpp"
#include "corio/detail/task_registry.hpp"
#include "corio/detail/timer_heap.hpp"
#include "corio/errors.hpp"
#include "corio/run_options.hpp"

namespace corio::detail {

// One per EventLoop, reached through detail::loop_core() (event_loop.hpp). Each part is its own
// class; this one owns them and decides, step by step, what runs and how long to wait.
class LoopCore {
 public:
  explicit LoopCore(RunOptions&& options) : options_(std::move(options)) {
    if (options_.virtual_clock) virtual_now_ = TimePoint{};
  }
  LoopCore(const LoopCore&) = delete;
  LoopCore& operator=(const LoopCore&) = delete;
  ~LoopCore() {
    // Results already handed over by executor threads must arrive before the inbox goes away.
    while (inbox_.pending() > 0) {
      reactor_.wait(-1);
      inbox_.drain();
    }
  }

  const RunOptions& options() const noexcept { return options_; }

  TimePoint now() const noexcept {
    if (options_.virtual_clock) return virtual_now_;
    return TimePoint(
        std::chrono::duration_cast<Duration>(std::chrono::steady_clock::now().time_since_epoch()));
  }

  // --- Loop thread only ------------------------------------------------------------------------

  void schedule(std::coroutine_handle<> h, TaskContext* task) { ready_.push(h, task); }
  void schedule(ReadyCallback& cb, TaskContext* task) { ready_.push(cb, task); }

  void add_timer(TimerNode& node, TimePoint deadline) { timers_.add(node, deadline); }
  void cancel_timer(TimerNode& node) noexcept { timers_.cancel(node); }

  // File descriptors (edge-triggered; the source keeps trying its syscall until EAGAIN).
  void watch_fd(int fd, IoSource& source, std::uint32_t events) {
    reactor_.watch_fd(fd, source, events);
  }
  void unwatch_fd(int fd) noexcept { reactor_.unwatch_fd(fd); }
  // Operations waiting for a file descriptor; while there are none, the loop skips epoll.
  void add_io_waiter() noexcept { reactor_.add_waiter(); }
  void remove_io_waiter() noexcept { reactor_.remove_waiter(); }

  // An executor job was submitted: its result will come back through post().
  void add_external() noexcept { inbox_.expect(); }
  // A submitted job was abandoned by its awaiter (cancellation) and will never be posted.
  void remove_external() noexcept { inbox_.forget(); }

  void register_task(SpawnedTask& task) noexcept { tasks_.add(task); }
  void unregister_task(SpawnedTask& task) noexcept { tasks_.remove(task); }
  // Frees a finished task after the current step (it may be inside its own final suspension now).
  void retire(SpawnedTask& task) { tasks_.retire(task); }

  void report_unobserved(const char* task_name, std::exception_ptr error) {
    unobserved_.add(task_name, std::move(error));
  }

  // Runs until `done` becomes true. Throws DeadlockError when nothing can make progress.
  void run_until(const bool& done) {
    while (!done) step();
  }

  // After the main task returned: cancel the tasks still running, let them finish, force-destroy
  // the ones that cannot, and report failures nobody retrieved.
  void shutdown() noexcept {
    tasks_.cancel_unfinished();
    try {
      while (tasks_.any_unfinished()) step();
    } catch (...) {
      // Deadlock among the remaining tasks: abandoned below.
    }
    tasks_.abandon_unfinished();
    tasks_.free_retired();
    tasks_.detach_all();
    tasks_.free_retired();
    unobserved_.report_all(options_);
  }

  // --- Any thread ------------------------------------------------------------------------------

  // Hands an item to the loop thread, which delivers it on its next step.
  void post(InboxItem& item) { inbox_.post(item, reactor_); }

 private:
  void step() {
    if (inbox_.nonempty()) inbox_.drain();
    if (ready_.empty()) {
      wait_for_work();
    } else if (reactor_.has_waiters()) {
      reactor_.wait(0);
    }
    if (!timers_.empty()) timers_.fire_due(now());
    run_ready();
    if (tasks_.has_retired()) tasks_.free_retired();
  }

  void wait_for_work() {
    if (!timers_.empty()) {
      const TimePoint next = timers_.next_deadline();
      if (options_.virtual_clock) {
        if (reactor_.has_waiters() || inbox_.pending() > 0) reactor_.wait(0);
        if (ready_.empty() && !inbox_.nonempty()) {
          virtual_now_ = std::max(virtual_now_, next);
        }
      } else {
        const Duration left = next - now();
        if (left > Duration::zero()) {
          // Round up so that the timer is due when epoll returns.
          reactor_.wait(static_cast<int>(std::min<Duration::rep>(
              (left.count() + 999'999) / 1'000'000, std::numeric_limits<int>::max())));
        }
      }
    } else if (reactor_.has_waiters() || inbox_.pending() > 0) {
      reactor_.wait(-1);
    } else {
      throw DeadlockError();
    }
    if (inbox_.nonempty()) inbox_.drain();
  }

  void run_ready() {
    // Only the work that is ready now: what it schedules runs after the next poll, so a task that
    // keeps yielding cannot starve timers and I/O.
    std::size_t n = ready_.size();
    if (!options_.debug) {
      while (n-- > 0) ReadyQueue::dispatch(ready_.pop().what);
      return;
    }
    while (n-- > 0) {
      const auto item = ready_.pop();
      const auto start = std::chrono::steady_clock::now();
      ReadyQueue::dispatch(item.what);
      const auto took = std::chrono::steady_clock::now() - start;
      if (took > options_.slow_step_threshold) report_slow_step(options_, item.task, took);
    }
  }

  RunOptions options_;
  TimePoint virtual_now_{};
  ReadyQueue ready_;
  TimerHeap timers_;
  TaskRegistry tasks_;
  UnobservedExceptions unobserved_;
  Inbox inbox_;
  Reactor reactor_;  // last: its descriptors are closed first, as the loop goes away
};

}  // namespace corio::detail
