// CHECKS: coro-dangling-task,coro-missing-co-await
// CONFIG: {CheckOptions: {AllowCastToVoid: false}}
// The global AllowCastToVoid is one policy for both checks: with (void) no
// deliberate discard, coro-missing-co-await reports the cast of a cobalt
// promise and coro-dangling-task leaves that line to it; the cast of a
// spawn function's handle stays coro-dangling-task's.
#include <boost/cobalt/promise.hpp>
#include <corio/corio.hpp>

boost::cobalt::promise<void> audit();
corio::Task<void> log_event() { co_return; }

boost::cobalt::promise<void> cobalt_side() {
  (void)audit(); // expected-warning[coro-missing-co-await] {{result of 'audit' (type 'boost::cobalt::promise<void>') is never awaited; the task has started, but its result and failure are lost}}
  co_return;
}

corio::Task<void> corio_side() {
  (void)corio::create_task(log_event()); // expected-warning[coro-dangling-task] {{handle of the task started by 'corio::create_task' is cast to void}}
  co_return;
}
