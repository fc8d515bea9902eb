// CHECKS: coro-dangling-task,coro-missing-co-await
// With both checks on, every line is reported once: coro-missing-co-await
// owns dropped awaitables that are not spawn handles (a cobalt promise from
// a call), coro-dangling-task owns the spawn functions, which
// coro-missing-co-await ignores.
#include <boost/cobalt/promise.hpp>
#include <corio/corio.hpp>

boost::cobalt::promise<void> audit();
corio::Task<void> log_event() { co_return; }

boost::cobalt::promise<void> cobalt_side() {
  audit(); // expected-warning[coro-missing-co-await] {{result of 'audit' (type 'boost::cobalt::promise<void>') is never awaited; the task has started, but its result and failure are lost}}
  auto p = audit(); // expected-warning[coro-missing-co-await] {{'p' holds the result of 'audit' (type 'boost::cobalt::promise<void>') but is never awaited; the task has started}}
  auto q = audit(); // expected-warning[coro-dangling-task] {{'q' holds the handle of the task started by 'audit' but is only queried}}
  if (q.ready())
    co_return;
}

corio::Task<void> corio_side() {
  corio::create_task(log_event()); // expected-warning[coro-dangling-task] {{handle of the task started by 'corio::create_task' is discarded}}
  auto h = corio::create_task(log_event()); // expected-warning[coro-dangling-task] {{'h' holds the handle of the task started by 'corio::create_task' but is never used}}
  log_event(); // expected-warning[coro-missing-co-await] {{result of coroutine 'log_event' (type 'corio::Task<void>') is never awaited; the lazy task never runs}}
  co_return;
}
