// netcan/asyncio: Task<> is lazy; sleep() and gather() return tasks that
// must be awaited. schedule_task() is a spawn function (its dropped handle
// is coro-dangling-task's finding).
#include <asyncio/gather.h>
#include <asyncio/schedule_task.h>
#include <asyncio/sleep.h>
#include <asyncio/task.h>

asyncio::Task<int> fetch();

asyncio::Task<> handler() {
  asyncio::sleep(std::chrono::milliseconds(10)); // expected-warning {{result of coroutine 'sleep<long, std::ratio<1, 1000>>' (type 'Task<>') is never awaited; the coroutine does not run until it is co_awaited}}
  asyncio::gather(fetch(), fetch()); // expected-warning {{result of coroutine 'gather<asyncio::Task<int>, asyncio::Task<int>>'}}
  co_return;
}

asyncio::Task<int> right_way() {
  co_await asyncio::sleep(std::chrono::milliseconds(10));
  auto [a, b] = co_await asyncio::gather(fetch(), fetch());
  auto t = asyncio::schedule_task(fetch());
  co_return a + b + co_await t;
}
