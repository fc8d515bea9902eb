// Stand-in for stdexec's <stdexec/execution.hpp> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <exception>
#include <optional>
#include <tuple>

namespace stdexec {
namespace __sync_wait {
/// sync_wait is a customisation-point object.
struct sync_wait_t {
  template <typename Sender>
  std::optional<std::tuple<>> operator()(Sender &&) const { return {}; }
};
} // namespace __sync_wait
inline constexpr __sync_wait::sync_wait_t sync_wait{};

namespace __when_all {
/// when_all is a customisation-point object: the first error stops the
/// other senders and completes the whole with that error.
struct when_all_t {
  template <typename... Senders> struct sender {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    std::tuple<> await_resume() { return {}; }
  };
  template <typename... Senders>
  sender<Senders...> operator()(Senders &&...) const { return {}; }
};
} // namespace __when_all
using __when_all::when_all_t;
inline constexpr when_all_t when_all{};
} // namespace stdexec
