// EventLoop: the loop that runs corio's tasks, one per thread (asyncio's event loop).
//
// Users rarely name it: corio::run() (run.hpp) makes one, runs a task on it and tears it down;
// create_task() (task_handle.hpp), sleep() and every awaitable find it with EventLoop::current().
// Its parts are in detail/: the ready queue, the timer heap, the epoll reactor, the inbox of
// executor results, the registry of spawned tasks, debug reports and the unobserved-exception
// policy (detail/loop_core.hpp ties them together).
#pragma once

#include <stdexcept>
#include <utility>

#include "corio/clock.hpp"
#include "corio/detail/loop_core.hpp"
#include "corio/run_options.hpp"

namespace corio {

class EventLoop;

namespace detail {
inline LoopCore& loop_core(EventLoop& loop) noexcept;
}  // namespace detail

// A ready queue, a timer heap on a steady or virtual clock, an epoll instance for file
// descriptors, and an inbox through which executor threads hand results back. Not copyable; lives
// on the thread that runs it.
class EventLoop {
 public:
  explicit EventLoop(RunOptions options = {}) : core_(std::move(options)) {}
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;
  // Waits for the results executor threads are still handing over, then closes the loop.
  ~EventLoop() = default;

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

  const RunOptions& options() const noexcept { return core_.options(); }

  // The loop's clock: the steady clock, or the virtual clock under RunOptions::virtual_clock.
  TimePoint now() const noexcept { return core_.now(); }

 private:
  // The hooks the rest of the runtime calls (scheduling, timers, file descriptors, the inbox,
  // spawned tasks) are on the core, which only detail::loop_core() hands out.
  friend detail::LoopCore& detail::loop_core(EventLoop& loop) noexcept;

  static constinit inline thread_local EventLoop* current_ = nullptr;

  detail::LoopCore core_;
};

inline Clock::time_point Clock::now() noexcept {
  if (EventLoop* loop = EventLoop::current()) return loop->now();
  return time_point(
      std::chrono::duration_cast<Duration>(std::chrono::steady_clock::now().time_since_epoch()));
}

namespace detail {

inline LoopCore& loop_core(EventLoop& loop) noexcept { return loop.core_; }

// The running loop; the awaitables of corio only work inside run().
inline LoopCore& current_loop() {
  EventLoop* loop = EventLoop::current();
  if (loop == nullptr)
    throw std::logic_error("corio: no event loop is running on this thread (use corio::run)");
  return loop_core(*loop);
}

// The running loop, where the caller knows there is one (it is on the loop thread, inside a step:
// a timer, a waiter, a task's completion).
inline LoopCore& running_loop() noexcept { return loop_core(*EventLoop::current()); }

}  // namespace detail
}  // namespace corio
