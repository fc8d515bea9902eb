// Real Boost.Asio 1.81, default options: co_spawn(ex, task, detached) is the
// common idiom in main() and is not reported; a dropped std::future from
// use_future is.
#include <boost/asio.hpp>
#include <exception>
#include <future>

namespace asio = boost::asio;

asio::awaitable<void> session() { co_return; }

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, session(), asio::detached);
  asio::co_spawn(ctx, session(), asio::use_future); // expected-warning {{handle of the task started by 'boost::asio::co_spawn' is discarded}}
  auto kept = asio::co_spawn(ctx, session(), asio::use_future);
  asio::co_spawn(ctx, session(), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
  ctx.run();
  kept.get();
}
