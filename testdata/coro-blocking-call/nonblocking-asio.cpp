// Asio's reactor-style idiom (its documentation's "non_blocking" example):
// the socket is made non-blocking, the coroutine awaits readiness, then
// calls the synchronous operation, which returns would_block instead of
// waiting. Without non_blocking(true) the same call is reported.
#include <boost/asio.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> reactor_read(tcp::socket socket) {
  socket.non_blocking(true);
  char data[1024];
  for (;;) {
    co_await socket.async_wait(tcp::socket::wait_read, asio::use_awaitable);
    boost::system::error_code ec;
    std::size_t n = socket.read_some(asio::buffer(data), ec);
    if (ec == asio::error::would_block)
      continue;
    if (ec)
      break;
    socket.write_some(asio::buffer(data, n), ec);
  }
}

asio::awaitable<void> still_blocking(tcp::socket socket) {
  char data[1024];
  co_await socket.async_wait(tcp::socket::wait_read, asio::use_awaitable);
  boost::system::error_code ec;
  socket.read_some(asio::buffer(data), ec); // expected-warning {{blocking call to 'boost::asio::basic_stream_socket::read_some' in coroutine 'still_blocking'}}
}

asio::awaitable<void> switched_off(tcp::socket socket) {
  socket.non_blocking(true);
  socket.non_blocking(false);
  char data[16];
  boost::system::error_code ec;
  socket.read_some(asio::buffer(data), ec); // expected-warning {{blocking call to 'boost::asio::basic_stream_socket::read_some' in coroutine 'switched_off'}}
  co_return;
}

// A synchronous wait waits whatever the socket's mode.
asio::awaitable<void> sync_wait(tcp::socket socket) {
  socket.non_blocking(true);
  socket.wait(tcp::socket::wait_read); // expected-warning {{blocking call to 'boost::asio::basic_stream_socket::wait' in coroutine 'sync_wait'}}
  co_return;
}
