// Real Boost.Asio 1.81: awaitable_operators `a && b` fails fast (it waits
// with wait_for_one_error); a parallel group's async_wait delivers every
// exception as an exception_ptr.
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <exception>

namespace asio = boost::asio;
using namespace boost::asio::experimental::awaitable_operators;

asio::awaitable<int> get(int i) { co_return i; }
asio::awaitable<void> step() { co_return; }

asio::awaitable<int> fail_fast() {
  auto [a, b] = co_await (get(1) && get(2)); // expected-warning {{'boost::asio::experimental::awaitable_operators::operator&&' fails fast and is awaited outside a try block that catches std::exception in coroutine 'fail_fast'}} expected-note {{the settled form 'experimental::make_parallel_group(...).async_wait(wait_for_all(), ...)'}}
  co_return a + b;
}

asio::awaitable<int> fail_fast_handled() {
  try {
    auto [a, b] = co_await (get(1) && get(2));
    co_return a + b;
  } catch (const std::exception &) {
    co_return 0;
  }
}

// `||` waits for one success: not fail-fast.
asio::awaitable<void> race() { co_await (step() || step()); }

asio::awaitable<void> parallel_group() {
  auto ex = co_await asio::this_coro::executor;
  co_await asio::experimental::make_parallel_group( // expected-warning {{settled results of 'boost::asio::experimental::parallel_group::async_wait' are discarded with any failure they hold}}
      asio::co_spawn(ex, step(), asio::deferred),
      asio::co_spawn(ex, step(), asio::deferred))
      .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);

  auto [order, e1, e2] =
      co_await asio::experimental::make_parallel_group(
          asio::co_spawn(ex, step(), asio::deferred),
          asio::co_spawn(ex, step(), asio::deferred))
          .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
  if (e1 || e2)
    co_return;
}
