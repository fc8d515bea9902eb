// Stand-in for YACLib's <yaclib/coro/on.hpp> (coro-tidy testdata).
#pragma once
#include <yaclib/coro/detail/on_awaiter.hpp>
#include <yaclib/exe/executor.hpp>

namespace yaclib {

inline detail::OnAwaiter On(IExecutor &e) noexcept {
  return detail::OnAwaiter{e};
}

} // namespace yaclib
