// folly::coro: TaskWithExecutor::start() returns a SemiFuture of the
// result; dropping it loses the task's failure. start(callback) hands the
// result (a Try) to the callback instead.
#include <folly/coro/Task.h>
#include <folly/futures/Future.h>

folly::coro::Task<int> compute() { co_return 1; }

void positives(folly::Executor *ex) {
  folly::coro::co_withExecutor(ex, compute()).start(); // expected-warning {{handle of the task started by 'folly::coro::TaskWithExecutor::start' is discarded}}
  auto future = folly::coro::co_withExecutor(ex, compute()).startInlineUnsafe(); // expected-warning {{'future' holds the handle of the task started by 'folly::coro::TaskWithExecutor::startInlineUnsafe' but is only queried}}
  if (future.isReady())
    return;
}

int negatives(folly::Executor *ex) {
  auto future = folly::coro::co_withExecutor(ex, compute()).start();
  folly::coro::co_withExecutor(ex, compute()).start([](auto &&) {});
  return std::move(future).get();
}
