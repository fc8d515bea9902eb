// Asio operations made with asio::deferred: the call only packages the
// operation; it starts when the result is co_awaited (asio::awaitable's
// promise accepts any async operation) or invoked with a completion token.
// Dropped, it never runs.
#include <boost/asio.hpp>
#include <minitask/minitask.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> dropped(tcp::socket &socket, asio::steady_timer &timer) {
  char data[16];
  socket.async_read_some(asio::buffer(data), asio::deferred); // expected-warning {{result of 'basic_stream_socket::async_read_some' (type 'boost::asio::deferred_async_operation') is never awaited; the operation never starts}}
  timer.async_wait(asio::deferred); // expected-warning {{result of 'basic_waitable_timer::async_wait'}}
  // Composed: a deferred_sequence.
  timer.async_wait(asio::deferred([&](boost::system::error_code) { // expected-warning {{result of 'basic_waitable_timer::async_wait' (type 'boost::asio::deferred_sequence') is never awaited; the operation never starts}}
    return timer.async_wait(asio::deferred);
  }));
  auto write = asio::async_write(socket, asio::buffer(data), asio::deferred); // expected-warning {{'write' holds the result of 'async_write' (type 'boost::asio::deferred_async_operation') but is never awaited; the operation never starts}}
  co_return;
}

// In a coroutine whose promise cannot await it, and outside coroutines: no
// fix-it, the finding stays.
mini::Task<void> other_runtime(asio::steady_timer &timer) {
  timer.async_wait(asio::deferred); // expected-warning {{result of 'basic_waitable_timer::async_wait'}} expected-note {{no fix-it: the promise of 'other_runtime' cannot co_await it}}
  co_return;
}

void plain(asio::steady_timer &timer) {
  timer.async_wait(asio::deferred); // expected-warning {{result of 'basic_waitable_timer::async_wait'}} expected-note {{no fix-it: 'plain' is not a coroutine}}
}
