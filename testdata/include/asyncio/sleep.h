// Stand-in for netcan/asyncio's <asyncio/sleep.h> (coro-tidy testdata):
// declarations only, the real names and shapes.
#pragma once
#include <asyncio/task.h>
#include <chrono>

namespace asyncio {
template <typename Rep, typename Period>
[[nodiscard("discard sleep doesn't make sense")]]
Task<> sleep(std::chrono::duration<Rep, Period> delay);
using namespace std::chrono_literals;
} // namespace asyncio
