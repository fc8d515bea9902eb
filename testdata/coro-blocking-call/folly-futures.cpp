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
  semi.wait(); // expected-warning {{'folly::SemiFuture::wait' blocks the event loop inside coroutine 'futures'; await an asynchronous alternative or move the call to an executor}}
  int v = std::move(semi).get(); // expected-warning {{'folly::SemiFuture::get' blocks}}
  v += std::move(timed).get(100ms); // expected-warning {{'folly::SemiFuture::get' blocks}}
  fut.wait(); // expected-warning {{'folly::Future::wait' blocks}}
  auto t = std::move(fut).getTry(); // expected-warning {{'folly::Future::getTry' blocks}}
  (void)t;
  co_return v;
}

folly::coro::Task<void> batons(folly::Baton<> &done, folly::Baton<> &timed) {
  done.wait(); // expected-warning {{'folly::Baton::wait' blocks}}
  bool posted = timed.try_wait_for(50ms); // expected-warning {{'folly::Baton::try_wait_for' blocks}}
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
