// Stand-in for Boost.Cobalt's <boost/cobalt/gather.hpp> and
// <boost/cobalt/join.hpp> (Boost 1.84+, not installed) // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <exception>
#include <tuple>
#include <vector>
#include <boost/system/result.hpp>
#include <boost/cobalt/task.hpp>

namespace boost::cobalt {
namespace detail {
template <typename Result> struct combinator_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  Result await_resume();
};
} // namespace detail
/// Fail-fast: the first failure cancels the others and is rethrown.
template <typename... Ts>
detail::combinator_awaitable<std::tuple<Ts...>> join(task<Ts>... awaitables);
/// Settled: one system::result<T, std::exception_ptr> per awaitable.
template <typename... Ts>
detail::combinator_awaitable<
    std::tuple<system::result<Ts, std::exception_ptr>...>>
gather(task<Ts>... awaitables);
template <typename T>
detail::combinator_awaitable<std::vector<system::result<T, std::exception_ptr>>>
gather(std::vector<task<T>> awaitables);
} // namespace boost::cobalt
