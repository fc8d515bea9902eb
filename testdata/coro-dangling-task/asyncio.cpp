// netcan/asyncio: schedule_task() schedules the task and returns its
// ScheduledTask, whose destructor destroys the task: it must be kept.
#include <asyncio/schedule_task.h>
#include <asyncio/task.h>

asyncio::Task<int> work();

asyncio::Task<> positives() {
  asyncio::schedule_task(work()); // expected-warning {{handle of the task started by 'asyncio::schedule_task' is discarded}}
  co_return;
}

asyncio::Task<int> negatives() {
  auto t = asyncio::schedule_task(work());
  co_return co_await t;
}
