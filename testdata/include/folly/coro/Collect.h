// Stand-in for folly's <folly/coro/Collect.h> // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <tuple>
#include <vector>
#include <folly/Try.h>
#include <folly/Unit.h>
#include <folly/coro/Task.h>
#include <type_traits>


namespace folly::coro {
/// Fail-fast: rethrows a child's failure.
/// A Task<void> child yields folly::Unit (lift_unit_t).
template <typename... Ts>
Task<std::tuple<lift_unit_t<Ts>...>> collectAll(Task<Ts>... tasks);
template <typename T> Task<std::vector<T>> collectAllRange(std::vector<Task<T>>);
/// Settled: one Try per child.
template <typename... Ts>
Task<std::tuple<Try<Ts>...>> collectAllTry(Task<Ts>... tasks);
template <typename T>
Task<std::vector<Try<T>>> collectAllTryRange(std::vector<Task<T>>);
} // namespace folly::coro
