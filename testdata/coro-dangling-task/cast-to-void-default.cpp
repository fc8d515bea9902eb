// CHECKS: coro-dangling-task,coro-missing-co-await
// By default (void) is a deliberate discard for coro-missing-co-await, so
// the cast of a running cobalt promise is coro-dangling-task's finding: the
// promise is cancelled and its exception lost all the same.
#include <boost/cobalt/promise.hpp>

boost::cobalt::promise<void> audit();

boost::cobalt::promise<void> cobalt_side() {
  (void)audit(); // expected-warning[coro-dangling-task] {{handle of the task started by 'audit' is cast to void}}
  co_return;
}
