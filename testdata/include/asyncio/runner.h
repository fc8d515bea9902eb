// Stand-in for netcan/asyncio's <asyncio/runner.h> and <asyncio/event_loop.h>
// (coro-tidy testdata): declarations only, the real names and shapes.
#pragma once
#include <asyncio/schedule_task.h>

namespace asyncio {
class EventLoop {
public:
  /// Runs the loop until no task is left.
  void run_until_complete();
};
EventLoop &get_event_loop();

/// Schedules \p main and runs the loop until it completes.
template <typename Fut> decltype(auto) run(Fut &&main) {
  auto t = schedule_task(std::forward<Fut>(main));
  get_event_loop().run_until_complete();
  return t.get_result();
}
} // namespace asyncio
