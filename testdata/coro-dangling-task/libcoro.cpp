// libcoro: spawn_joinable() starts the task now and returns the join task,
// which must be awaited; spawn_detached() hands the task to the pool.
#include <coro/task.hpp>
#include <coro/thread_pool.hpp>

coro::task<void> work() { co_return; }

coro::task<void> positives(coro::thread_pool &pool) {
  pool.spawn_joinable(work()); // expected-warning {{handle of the task started by 'coro::thread_pool::spawn_joinable' is discarded [coro-dangling-task]}}
  auto join = pool.spawn_joinable(work()); // expected-warning {{'join' holds the handle of the task started by 'coro::thread_pool::spawn_joinable' but is never used}}
  co_return;
}

coro::task<void> negatives(coro::thread_pool &pool) {
  auto join = pool.spawn_joinable(work());
  co_await work();
  co_await join;
  co_await pool.spawn_joinable(work());
  pool.spawn_detached(work());
}
