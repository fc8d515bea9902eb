// The blocking entry points of the other runtimes, from stand-in headers
// (testdata/include/<runtime>/...). folly's blockingWait and stdexec's
// sync_wait are function objects: they are named by the object.
#include <async_simple/coro/Lazy.h>
#include <boost/cobalt/run.hpp>
#include <coro/sync_wait.hpp>
#include <cppcoro/sync_wait.hpp>
#include <exec/task.hpp>
#include <folly/coro/BlockingWait.h>
#include <stdexec/execution.hpp>

cppcoro::task<int> cppcoroWork();
folly::coro::Task<int> follyWork();
coro::task<int> libcoroWork();
async_simple::coro::Lazy<int> lazyWork();
exec::task<int> stdexecWork();
boost::cobalt::task<int> cobaltWork();

cppcoro::task<int> cppcoroHandler() {
  co_return cppcoro::sync_wait(cppcoroWork()); // expected-warning {{call to event loop entry point 'cppcoro::sync_wait' in coroutine 'cppcoroHandler'}}
}

folly::coro::Task<int> follyHandler() {
  int A = folly::coro::blockingWait(follyWork()); // expected-warning {{call to event loop entry point 'folly::coro::blockingWait' in coroutine 'follyHandler'}}
  int B = folly::coro::blocking_wait(follyWork()); // expected-warning {{call to event loop entry point 'folly::coro::blocking_wait'}}
  co_return A + B;
}

coro::task<int> libcoroHandler() {
  co_return coro::sync_wait(libcoroWork()); // expected-warning {{call to event loop entry point 'coro::sync_wait' in coroutine 'libcoroHandler'}}
}

async_simple::coro::Lazy<int> lazyHandler() {
  co_return async_simple::coro::syncAwait(lazyWork()); // expected-warning {{call to event loop entry point 'async_simple::coro::syncAwait'}}
}

exec::task<void> stdexecHandler() {
  stdexec::sync_wait(stdexecWork()); // expected-warning {{call to event loop entry point 'stdexec::sync_wait' in coroutine 'stdexecHandler'}}
  co_return;
}

boost::cobalt::task<int> cobaltHandler() {
  co_return boost::cobalt::run(cobaltWork()); // expected-warning {{call to event loop entry point 'boost::cobalt::run'}}
}

// Through a helper.
int syncHelper() { return cppcoro::sync_wait(cppcoroWork()); } // expected-note {{'syncHelper' calls 'cppcoro::sync_wait', an event loop entry point}}
cppcoro::task<int> viaHelper() {
  co_return syncHelper(); // expected-warning {{call to 'syncHelper' in coroutine 'viaHelper' can reach event loop entry point 'cppcoro::sync_wait'}}
}

// Negatives: the entry points at the top of the program, and awaiting.
int main() {
  int Total = cppcoro::sync_wait(cppcoroWork());
  Total += folly::coro::blockingWait(follyWork());
  Total += coro::sync_wait(libcoroWork());
  Total += async_simple::coro::syncAwait(lazyWork());
  stdexec::sync_wait(stdexecWork());
  Total += boost::cobalt::run(cobaltWork());
  return Total;
}

cppcoro::task<int> awaits() { co_return co_await cppcoroWork(); }
folly::coro::Task<int> awaitsFolly() { co_return co_await follyWork(); }
