// Stand-in for netcan/asyncio's <asyncio/schedule_task.h> (coro-tidy
// testdata): declarations only, the real names and shapes.
#pragma once
#include <asyncio/task.h>

namespace asyncio {
/// A task scheduled on the loop; its destructor destroys the task.
template <typename Task> struct ScheduledTask {
  template <typename Fut> explicit ScheduledTask(Fut &&fut);
  ScheduledTask(ScheduledTask &&) noexcept;
  void cancel();
  decltype(auto) operator co_await() const & noexcept {
    return task_.operator co_await();
  }
  auto operator co_await() const && noexcept {
    return task_.operator co_await();
  }
  decltype(auto) get_result() & { return task_.get_result(); }
  bool valid() const;
  bool done() const;

private:
  Task task_;
};
template <typename Fut> ScheduledTask(Fut &&) -> ScheduledTask<Fut>;

template <typename Fut>
[[nodiscard("discard(detached) a task will not schedule to run")]]
ScheduledTask<Fut> schedule_task(Fut &&fut) {
  return ScheduledTask<Fut>{std::forward<Fut>(fut)};
}
} // namespace asyncio
