// Boost.Cobalt: a promise is eager; dropping it while attached cancels the
// task and loses its exception. detach() (or unary +) says so explicitly.
#include <boost/cobalt/promise.hpp>

boost::cobalt::promise<int> fetch();
boost::cobalt::promise<void> audit();

boost::cobalt::promise<void> positives() {
  audit(); // expected-warning {{the handle of the task started by 'audit' is discarded: if the task fails, its exception is never retrieved; keep it and co_await it (or cancel it) later, or detach() it explicitly}}
  auto p = fetch(); // expected-warning {{'p' holds the handle of the task started by 'fetch' but is never used}}
  auto q = fetch(); // expected-warning {{'q' holds the handle of the task started by 'fetch' but is only queried}}
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
