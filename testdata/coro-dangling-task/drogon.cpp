// drogon: co_future(awaitable) starts it at once and returns a std::future
// of its result; dropping the future loses the result and the exception.
#include <drogon/utils/coroutine.h>

drogon::Task<int> work();

void positives() {
  drogon::co_future(work()); // expected-warning {{handle of the task started by 'drogon::co_future' is discarded}}
}

int negatives() {
  auto future = drogon::co_future(work());
  drogon::async_run([]() -> drogon::Task<> { co_await work(); });
  return future.get();
}
