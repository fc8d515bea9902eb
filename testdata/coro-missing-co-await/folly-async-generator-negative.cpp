// folly::coro::AsyncGenerator, like folly's Task, has a lazy promise and no
// awaiter of its own, but it is a generator: pulled through next(), whose
// result is awaited. A generator kept and not pulled yet is no lost task.
#include <folly/coro/AsyncGenerator.h>
#include <folly/coro/Task.h>

folly::coro::AsyncGenerator<int> numbers();

folly::coro::Task<int> consume() {
  auto gen = numbers();
  int total = 0;
  while (auto item = co_await gen.next())
    total += *item;
  auto not_pulled_yet = numbers();
  co_return total;
}
