// Stand-in for netcan/asyncio's <asyncio/gather.h> (coro-tidy testdata):
// declarations only, the real names and shapes. gather() rethrows the first
// exception of its children.
#pragma once
#include <asyncio/task.h>
#include <tuple>

namespace asyncio {
template <typename Fut>
using AwaitResult =
    decltype(std::declval<Fut>().operator co_await().await_resume());

template <typename... Futs>
[[nodiscard("discard gather doesn't make sense")]]
auto gather(Futs &&...futs) -> Task<std::tuple<AwaitResult<Futs>...>>;
} // namespace asyncio
