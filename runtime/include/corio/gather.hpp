// gather(): run tasks concurrently and wait for all of them (asyncio.gather).
#pragma once

#include <tuple>
#include <utility>
#include <vector>

#include "corio/detail/gather.hpp"
#include "corio/result.hpp"
#include "corio/task.hpp"
#include "corio/task_handle.hpp"

namespace corio {

// Tag for the settled form: gather(return_exceptions, ...) never throws for a child's failure.
struct ReturnExceptions {
  explicit ReturnExceptions() = default;
};
inline constexpr ReturnExceptions return_exceptions{};

// Runs the tasks concurrently; returns their values in order (void as std::monostate).
// Fail-fast: on the first failure the other tasks are cancelled and awaited, then the exception
// propagates. Handle it (try/catch around the co_await), or use gather(return_exceptions, ...).
template <class... Ts>
Task<std::tuple<detail::gathered_t<Ts>...>> gather(Task<Ts>... tasks) {
  co_return co_await detail::GatherTuple<false, Ts...>(std::move(tasks)...);
}

template <class T>
Task<std::vector<detail::gathered_t<T>>> gather(std::vector<Task<T>> tasks) {
  co_return co_await detail::GatherVector<false, T>(std::move(tasks));
}

// Settled form: every element is a Result holding the value or the exception; never throws for a
// child's failure (asyncio's return_exceptions=True). Check each result before using its value.
template <class... Ts>
Task<std::tuple<Result<detail::gathered_t<Ts>>...>> gather(ReturnExceptions, Task<Ts>... tasks) {
  co_return co_await detail::GatherTuple<true, Ts...>(std::move(tasks)...);
}

template <class T>
Task<std::vector<Result<detail::gathered_t<T>>>> gather(ReturnExceptions, std::vector<Task<T>> tasks) {
  co_return co_await detail::GatherVector<true, T>(std::move(tasks));
}

// The same for tasks already started with create_task (asyncio: `await gather(*tasks)`).
template <class... Ts>
  requires(sizeof...(Ts) > 0)
Task<std::tuple<detail::gathered_t<Ts>...>> gather(TaskHandle<Ts>... handles) {
  return gather(detail::join(std::move(handles))...);
}
template <class T>
Task<std::vector<detail::gathered_t<T>>> gather(std::vector<TaskHandle<T>> handles) {
  return gather(detail::join_all(std::move(handles)));
}
template <class... Ts>
  requires(sizeof...(Ts) > 0)
Task<std::tuple<Result<detail::gathered_t<Ts>>...>> gather(ReturnExceptions tag, TaskHandle<Ts>... handles) {
  return gather(tag, detail::join(std::move(handles))...);
}
template <class T>
Task<std::vector<Result<detail::gathered_t<T>>>> gather(ReturnExceptions tag, std::vector<TaskHandle<T>> handles) {
  return gather(tag, detail::join_all(std::move(handles)));
}

}  // namespace corio
