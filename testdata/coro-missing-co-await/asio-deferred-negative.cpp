// Deferred operations that run: awaited, kept and awaited later, invoked
// with a completion token; and the same operations with other tokens.
#include <boost/asio.hpp>
#include <utility>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<std::size_t> started(tcp::socket &socket,
                                     asio::steady_timer &timer) {
  char data[16];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::deferred);
  auto op = asio::async_write(socket, asio::buffer(data, n), asio::deferred);
  n += co_await std::move(op);
  timer.async_wait(asio::deferred)(asio::detached);
  auto later = timer.async_wait(asio::deferred);
  std::move(later)([](boost::system::error_code) {});
  timer.async_wait(asio::detached);
  co_await timer.async_wait(asio::use_awaitable);
  co_return n;
}
