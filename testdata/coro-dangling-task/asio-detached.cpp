// CONFIG: {CheckOptions: {coro-dangling-task.FlagAsioDetached: true}}
// With FlagAsioDetached, co_spawn(..., detached) of a task that can throw is
// reported: detached drops the exception_ptr the task completes with.
#include <boost/asio.hpp>
#include <cstdio>
#include <exception>

namespace asio = boost::asio;

asio::awaitable<void> session() { co_return; }

asio::awaitable<void> guarded() {
  try {
    co_await session();
  } catch (...) {
    std::puts("session failed");
  }
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, session(), asio::detached); // expected-warning {{'boost::asio::co_spawn' with 'detached' drops any exception of coroutine 'session' [coro-dangling-task]}}
  asio::co_spawn(ctx, []() -> asio::awaitable<void> { co_return; }, asio::detached); // expected-warning {{'boost::asio::co_spawn' with 'detached' drops any exception of the lambda coroutine}}
  asio::co_spawn(ctx, guarded(), asio::detached);
  ctx.run();
}
