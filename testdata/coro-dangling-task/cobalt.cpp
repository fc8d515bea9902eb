// CHECKS: coro-dangling-task,coro-missing-co-await
// Boost.Cobalt: a promise is eager; dropping it while attached cancels the
// task and loses its exception. detach() (or unary +) says so explicitly.
// A promise is awaitable: dropping it, or never using the local holding it,
// is coro-missing-co-await's finding (the ownership rule on both pages);
// holding it and only querying it is coro-dangling-task's.
#include <boost/cobalt/promise.hpp>

boost::cobalt::promise<int> fetch();
boost::cobalt::promise<void> audit();

boost::cobalt::promise<void> positives() {
  audit(); // expected-warning[coro-missing-co-await] {{result of 'audit' (type 'boost::cobalt::promise<void>') is never awaited; the task has started, but its result and failure are lost}}
  auto p = fetch(); // expected-warning[coro-missing-co-await] {{'p' holds the result of 'fetch' (type 'boost::cobalt::promise<int>') but is never awaited; the task has started}}
  auto q = fetch(); // expected-warning[coro-dangling-task] {{'q' holds the handle of the task started by 'fetch' but is only queried}}
  if (q.ready() && q.attached())
    co_return;
  co_return;
}

boost::cobalt::promise<int> negatives() {
  +audit();
  audit().detach();
  auto a = audit();
  a.detach();
  auto f = fetch();
  int value = co_await f;
  auto g = fetch();
  g.cancel();
  co_return value + co_await fetch();
}
