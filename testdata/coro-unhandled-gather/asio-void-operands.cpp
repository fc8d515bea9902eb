// Real Boost.Asio 1.81: `a && b` of two awaitable<void> (the watchdog idiom
// of asio's timeout example) yields void: a failure discards no result and
// cancelling the other operation is the purpose. A value-producing operand
// is still reported.
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <utility>

namespace asio = boost::asio;
using namespace boost::asio::experimental::awaitable_operators;

asio::awaitable<void> echo() { co_return; }
asio::awaitable<void> watchdog() { co_return; }
asio::awaitable<int> read_size() { co_return 1; }

asio::awaitable<void> handle_connection() {
  co_await (echo() && watchdog());
}

asio::awaitable<void> three_void() {
  co_await (echo() && watchdog() && echo());
}

asio::awaitable<int> one_value() {
  int n = co_await (watchdog() && read_size()); // expected-warning {{'boost::asio::experimental::awaitable_operators::operator&&' fails fast}} expected-note {{the settled form 'experimental::make_parallel_group(...).async_wait(wait_for_all(), ...)'}}
  co_return n;
}

asio::awaitable<void> stored() {
  auto both = echo() && watchdog();
  co_await std::move(both);
  auto sized = watchdog() && read_size();
  int n = co_await std::move(sized); // expected-warning {{'boost::asio::experimental::awaitable_operators::operator&&' fails fast}} expected-note {{the settled form 'experimental::make_parallel_group(...).async_wait(wait_for_all(), ...)'}}
  (void)n;
}
