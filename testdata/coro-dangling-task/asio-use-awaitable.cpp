// Real Boost.Asio 1.81: co_spawn is an initiating function. With
// use_awaitable it returns an awaitable, with deferred a deferred
// operation, and either launches the spawn only when it is awaited (or
// invoked with a token): dropped, no task was started, and the message
// says so rather than speaking of a started task's handle.
#include <boost/asio.hpp>

namespace asio = boost::asio;

asio::awaitable<void> session() { co_return; }

asio::awaitable<void> handler() {
  auto ex = co_await asio::this_coro::executor;
  asio::co_spawn(ex, session(), asio::use_awaitable); // expected-warning {{operation returned by 'boost::asio::co_spawn' (type 'boost::asio::awaitable') is discarded; the task is never spawned}}
  asio::co_spawn(ex, session(), asio::deferred); // expected-warning {{operation returned by 'boost::asio::co_spawn' (type 'boost::asio::deferred_async_operation') is discarded; the task is never spawned}}
  auto later = asio::co_spawn(ex, session(), asio::use_awaitable); // expected-warning {{'later' holds the operation returned by 'boost::asio::co_spawn' (type 'boost::asio::awaitable') but is never used; the task is never spawned}}
  co_await asio::co_spawn(ex, session(), asio::use_awaitable);
  auto op = asio::co_spawn(ex, session(), asio::deferred);
  co_await std::move(op);
}
