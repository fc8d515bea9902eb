// Stand-in for libcoro's <coro/mutex.hpp> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <coroutine>

namespace coro {
class mutex;

class scoped_lock {
public:
  enum class lock_strategy { adopt };
  explicit scoped_lock(mutex &m, lock_strategy strategy = lock_strategy::adopt);
  ~scoped_lock();
  auto unlock() -> void;
};

namespace detail {
template <typename Return> struct lock_operation {
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept;
  Return await_resume() noexcept;
};
} // namespace detail

class mutex {
public:
  explicit mutex() noexcept;
  [[nodiscard]] auto scoped_lock() -> detail::lock_operation<coro::scoped_lock>;
  [[nodiscard]] auto lock() -> detail::lock_operation<void>;
  auto try_lock() -> bool;
  auto unlock() -> void;
};
} // namespace coro
