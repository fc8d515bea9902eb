// Boost.Asio's awaitable<T>: recognised by its type, no list of names.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace asio = boost::asio;

asio::awaitable<int> query_database() { co_return 42; }

asio::awaitable<void> session() {
  co_await query_database(); // expected-warning {{result of coroutine 'query_database' (type 'asio::awaitable<int>') is never awaited}}
  int rows = co_await query_database();
  (void)rows;
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, session(), asio::detached);
  ctx.run();
}
