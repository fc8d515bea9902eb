// Stand-in for libcoro's <coro/when_all.hpp> // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <tuple>
#include <vector>
#include <coro/task.hpp>

namespace coro {
namespace detail {
struct void_value {};
/// One settled child of when_all(): return_value() rethrows its exception.
template <typename return_type> class when_all_task {
public:
  when_all_task(when_all_task &&) noexcept;
  auto return_value() & -> return_type &;
  auto return_value() && -> return_type &&;
};
template <> class when_all_task<void> {
public:
  when_all_task(when_all_task &&) noexcept;
  auto return_value() -> void_value;
};
template <typename Tasks> class when_all_ready_awaitable {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  Tasks &await_resume() noexcept;
};
} // namespace detail
template <typename... Awaitables>
[[nodiscard]] auto when_all(Awaitables... awaitables)
    -> detail::when_all_ready_awaitable<std::tuple<detail::when_all_task<
        decltype(std::declval<Awaitables>().await_resume())>...>>;
template <typename T>
[[nodiscard]] auto when_all(std::vector<task<T>> awaitables)
    -> detail::when_all_ready_awaitable<std::vector<detail::when_all_task<T>>>;
} // namespace coro
