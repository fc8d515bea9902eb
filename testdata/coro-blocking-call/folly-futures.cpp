// folly's thread-blocking waits: SemiFuture/Future get() and wait(), and
// Baton::wait and its timed forms, inside a folly::coro::Task.
#include <folly/coro/Task.h>
#include <folly/futures/Future.h>
#include <folly/synchronization/Baton.h>
#include <chrono>
#include <utility>

using namespace std::chrono_literals;

folly::coro::Task<int> futures(folly::SemiFuture<int> semi,
                               folly::Future<int> fut,
                               folly::SemiFuture<int> timed) {
  semi.wait(); // expected-warning {{blocking call to 'folly::SemiFuture::wait' in coroutine 'futures'}}
  int v = std::move(semi).get(); // expected-warning {{blocking call to 'folly::SemiFuture::get'}}
  v += std::move(timed).get(100ms); // expected-warning {{blocking call to 'folly::SemiFuture::get'}}
  fut.wait(); // expected-warning {{blocking call to 'folly::Future::wait'}}
  auto t = std::move(fut).getTry(); // expected-warning {{blocking call to 'folly::Future::getTry'}}
  (void)t;
  co_return v;
}

folly::coro::Task<void> batons(folly::Baton<> &done, folly::Baton<> &timed) {
  done.wait(); // expected-warning {{blocking call to 'folly::Baton::wait'}}
  bool posted = timed.try_wait_for(50ms); // expected-warning {{blocking call to 'folly::Baton::try_wait_for'}}
  (void)posted;
  co_return;
}

// Negatives: readiness tests, a zero-timeout poll, and the blocking forms
// outside coroutines.
folly::coro::Task<bool> polls(folly::Baton<> &done,
                              folly::SemiFuture<int> &semi) {
  bool ready = done.try_wait() || done.ready();
  ready = ready || done.try_wait_for(0ms);
  ready = ready || semi.isReady();
  co_return ready;
}

int blocking_main(folly::SemiFuture<int> semi, folly::Baton<> &done) {
  done.wait();
  return std::move(semi).get();
}
