// Stand-in for async_simple's <async_simple/coro/Collect.h> // (coro-tidy testdata): declarations only, the real qualified names and
// signature shapes, no code from the project.
#pragma once
#include <tuple>
#include <vector>
#include <async_simple/Try.h>
#include <async_simple/coro/Lazy.h>

namespace async_simple::coro {
/// Settled: one Try per Lazy.
template <typename... Ts>
Lazy<std::tuple<Try<Ts>...>> collectAll(Lazy<Ts>... lazies);
template <typename T>
Lazy<std::vector<Try<T>>> collectAll(std::vector<Lazy<T>> input);
/// The same, the children running in parallel on the executor.
template <typename... Ts>
Lazy<std::tuple<Try<Ts>...>> collectAllPara(Lazy<Ts>... lazies);
template <typename T>
Lazy<std::vector<Try<T>>> collectAllPara(std::vector<Lazy<T>> input);
} // namespace async_simple::coro
