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
} // namespace stdexec
