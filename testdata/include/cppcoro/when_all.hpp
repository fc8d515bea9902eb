// Stand-in for cppcoro's <cppcoro/when_all.hpp> // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <tuple>
#include <vector>
#include <cppcoro/task.hpp>

namespace cppcoro {
/// Waits for every awaitable; rethrows a failure after all completed.
template <typename... Awaitables>
task<std::tuple<decltype(std::declval<Awaitables>().await_resume())...>>
when_all(Awaitables &&...awaitables);
template <typename T> task<std::vector<T>> when_all(std::vector<task<T>>);
} // namespace cppcoro
