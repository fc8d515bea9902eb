// Stand-in for cppcoro's <cppcoro/io_service.hpp> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes.
#pragma once
#include <chrono>
#include <coroutine>
#include <cstdint>

namespace cppcoro {
class io_service {
public:
  class schedule_operation {
  public:
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() const noexcept {}
  };
  io_service();
  ~io_service();
  io_service(const io_service &) = delete;
  [[nodiscard]] schedule_operation schedule() noexcept;
  std::uint64_t process_events();
  std::uint64_t process_pending_events();
  std::uint64_t process_one_event();
  std::uint64_t process_one_pending_event();
  void stop() noexcept;
  void reset();
  bool is_stop_requested() const noexcept;
};
} // namespace cppcoro
