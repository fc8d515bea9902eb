// Stand-in for cppcoro's <cppcoro/static_thread_pool.hpp> (coro-tidy
// testdata): declarations only, the real qualified names and signature
// shapes.
#pragma once
#include <coroutine>
#include <cstdint>

namespace cppcoro {
class static_thread_pool {
public:
  class schedule_operation {
  public:
    explicit schedule_operation(static_thread_pool *tp) noexcept : m_tp(tp) {}
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}

  private:
    static_thread_pool *m_tp;
  };
  static_thread_pool();
  explicit static_thread_pool(std::uint32_t threadCount);
  ~static_thread_pool();
  std::uint32_t thread_count() const noexcept;
  [[nodiscard]] schedule_operation schedule() noexcept;
};
} // namespace cppcoro
