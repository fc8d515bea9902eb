// timeout() / timeout_at(): a deadline over a whole block of awaits (asyncio.timeout).
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "corio/clock.hpp"
#include "corio/detail/body_value.hpp"
#include "corio/detail/context.hpp"
#include "corio/detail/current_task.hpp"
#include "corio/detail/timer_heap.hpp"
#include "corio/errors.hpp"
#include "corio/event_loop.hpp"
#include "corio/task.hpp"

namespace corio {

class Timeout;

// Runs `body()` (or `body(scope)`, to reschedule) with a deadline over everything it awaits:
//
//   co_await corio::timeout(10s, [&](corio::Timeout& scope) -> corio::Task<void> {
//     co_await connect();
//     scope.reschedule(corio::Clock::now() + 5s);   // more time once connected
//     co_await download();
//   });
//
// At the deadline the body is cancelled (CancelledError at its suspension point, cleanup runs),
// and when it has finished the scope raises TimeoutError. A cancellation from elsewhere stays a
// CancelledError. The body runs inside the caller's task. Returns the body's value.
template <class Body>
Task<detail::timeout_value_t<Body>> timeout_at(std::optional<TimePoint> deadline, Body body);
template <class Body>
Task<detail::timeout_value_t<Body>> timeout(Duration delay, Body body);

// The deadline of a running timeout scope (asyncio's Timeout context manager).
class Timeout final : private detail::TimerNode {
 public:
  Timeout(const Timeout&) = delete;
  Timeout& operator=(const Timeout&) = delete;

  // The deadline, or nothing for none.
  std::optional<TimePoint> when() const noexcept { return when_; }
  // Moves the deadline (earlier, later, or to nothing). Throws std::logic_error once it has passed.
  void reschedule(std::optional<TimePoint> deadline) {
    if (expired_) throw std::logic_error("corio::Timeout::reschedule: the deadline has already passed");
    disarm();
    arm(deadline);
  }
  // True once the deadline passed and the body was cancelled.
  bool expired() const noexcept { return expired_; }

 private:
  template <class Body>
  friend Task<detail::timeout_value_t<Body>> timeout_at(std::optional<TimePoint> deadline, Body body);

  Timeout(detail::TaskContext* task, std::optional<TimePoint> deadline) : task_(task) { arm(deadline); }
  ~Timeout() { disarm(); }

  void arm(std::optional<TimePoint> deadline) {
    when_ = deadline;
    if (deadline) detail::current_loop().add_timer(*this, *deadline);
  }
  void disarm() noexcept {
    if (armed()) detail::running_loop().cancel_timer(*this);
  }
  void fire() noexcept override {
    expired_ = true;
    if (task_ != nullptr) task_->cancel();
  }
  // The body finished (or failed otherwise) after the deadline fired but before the cancellation
  // reached it: the request was ours, withdraw it so it does not hit the caller's next suspension.
  void withdraw() noexcept {
    disarm();
    if (expired_ && task_ != nullptr) task_->consume_cancel();
  }

  detail::TaskContext* task_;
  std::optional<TimePoint> when_;
  bool expired_ = false;
};

template <class Body>
Task<detail::timeout_value_t<Body>> timeout_at(std::optional<TimePoint> deadline, Body body) {
  using Value = detail::timeout_value_t<Body>;
  Timeout scope(co_await detail::CurrentTask{}, deadline);
  try {
    if constexpr (std::is_void_v<Value>) {
      co_await detail::call_timeout_body(body, scope);
      scope.withdraw();
      co_return;
    } else {
      Value value = co_await detail::call_timeout_body(body, scope);
      scope.withdraw();
      co_return value;
    }
  } catch (const CancelledError&) {
    scope.disarm();
    if (!scope.expired()) throw;
  } catch (...) {
    scope.withdraw();  // e.g. an inner scope's TimeoutError at the same deadline
    throw;
  }
  throw TimeoutError{};
}

template <class Body>
Task<detail::timeout_value_t<Body>> timeout(Duration delay, Body body) {
  // A coroutine, so that the deadline counts from when the scope is entered (awaited).
  if constexpr (std::is_void_v<detail::timeout_value_t<Body>>) {
    co_await timeout_at(Clock::now() + delay, std::move(body));
  } else {
    co_return co_await timeout_at(Clock::now() + delay, std::move(body));
  }
}

}  // namespace corio
