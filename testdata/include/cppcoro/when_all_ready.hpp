// Stand-in for cppcoro's <cppcoro/when_all_ready.hpp> and its
// detail::when_all_task // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <exception>
#include <tuple>
#include <vector>
#include <cppcoro/task.hpp>

namespace cppcoro {
namespace detail {
/// One settled child of when_all_ready(): result() rethrows its exception.
template <typename RESULT> class when_all_task final {
public:
  when_all_task(when_all_task &&) noexcept;
  RESULT &result() &;
  RESULT &&result() &&;
};
template <> class when_all_task<void> final {
public:
  when_all_task(when_all_task &&) noexcept;
  void result();
};
template <typename Tasks> struct when_all_ready_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  Tasks await_resume();
};
} // namespace detail

template <typename... Awaitables>
detail::when_all_ready_awaitable<std::tuple<detail::when_all_task<decltype(
    std::declval<Awaitables>().await_resume())>...>>
when_all_ready(Awaitables &&...awaitables);

template <typename T>
detail::when_all_ready_awaitable<std::vector<detail::when_all_task<T>>>
when_all_ready(std::vector<task<T>> awaitables);
} // namespace cppcoro
