// Stand-in for folly's <folly/synchronization/Baton.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes.
#pragma once
#include <atomic>
#include <chrono>

namespace folly {
template <bool MayBlock = true, template <typename> class Atom = std::atomic>
class Baton {
public:
  constexpr Baton() noexcept = default;
  Baton(const Baton &) = delete;
  bool ready() const noexcept;
  void reset() noexcept;
  void post() noexcept;
  void wait() noexcept;
  bool try_wait() const noexcept;
  template <typename Rep, typename Period>
  bool try_wait_for(const std::chrono::duration<Rep, Period> &timeout) noexcept;
  template <typename Clock, typename Duration>
  bool try_wait_until(
      const std::chrono::time_point<Clock, Duration> &deadline) noexcept;
};
} // namespace folly
