// netcan/asyncio: sleep() and gather() return tasks that must be awaited.
// Task<>'s promise decides at run time whether it suspends initially
// (sleep's and gather's coroutines start at once), so the message claims
// nothing about whether the task runs: it ends at 'never awaited'. schedule_task() is a spawn function (its dropped handle
// is coro-dangling-task's finding).
#include <asyncio/gather.h>
#include <asyncio/schedule_task.h>
#include <asyncio/sleep.h>
#include <asyncio/task.h>

asyncio::Task<int> fetch();

asyncio::Task<> handler() {
  asyncio::sleep(std::chrono::milliseconds(10)); // expected-warning {{result of 'sleep<long, std::ratio<1, 1000>>' (type 'Task<>') is never awaited [coro-missing-co-await]}}
  asyncio::gather(fetch(), fetch()); // expected-warning {{result of 'gather<asyncio::Task<int>, asyncio::Task<int>>'}}
  co_return;
}

asyncio::Task<int> right_way() {
  co_await asyncio::sleep(std::chrono::milliseconds(10));
  auto [a, b] = co_await asyncio::gather(fetch(), fetch());
  auto t = asyncio::schedule_task(fetch());
  co_return a + b + co_await t;
}
