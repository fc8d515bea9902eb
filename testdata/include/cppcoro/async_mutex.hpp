// Stand-in for cppcoro's <cppcoro/async_mutex.hpp> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <mutex>

namespace cppcoro {
class async_mutex_lock;

class async_mutex_lock_operation {
public:
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> awaiter) noexcept;
  void await_resume() const noexcept {}
};

class async_mutex_scoped_lock_operation : public async_mutex_lock_operation {
public:
  [[nodiscard]] async_mutex_lock await_resume() const noexcept;
};

class async_mutex {
public:
  async_mutex() noexcept;
  ~async_mutex();
  bool try_lock() noexcept;
  async_mutex_lock_operation lock_async() noexcept;
  async_mutex_scoped_lock_operation scoped_lock_async() noexcept;
  void unlock();
};

class async_mutex_lock {
public:
  explicit async_mutex_lock(async_mutex &mutex, std::adopt_lock_t) noexcept;
  ~async_mutex_lock();
};
} // namespace cppcoro
