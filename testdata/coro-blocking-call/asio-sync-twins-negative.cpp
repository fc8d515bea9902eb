// What the async_ twin rule leaves alone: the async_ operations themselves,
// members with no async_ twin on their class (basic_socket::shutdown, close,
// cancel, non_blocking, available...), the same names outside Asio's
// namespaces, and the synchronous forms outside coroutines.
#include <boost/asio.hpp>
#include <chrono>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

asio::awaitable<std::size_t> asynchronous(tcp::socket &socket,
                                          tcp::acceptor &acceptor,
                                          asio::steady_timer &timer,
                                          tcp::resolver &resolver) {
  co_await socket.async_wait(tcp::socket::wait_read, asio::use_awaitable);
  tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
  timer.expires_after(5ms);
  co_await timer.async_wait(asio::use_awaitable);
  auto results = co_await resolver.async_resolve("example.org", "80",
                                                 asio::use_awaitable);
  (void)results;
  char data[16];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                  asio::use_awaitable);
  n += co_await asio::async_write(peer, asio::buffer(data, n),
                                  asio::use_awaitable);
  co_return n;
}

asio::awaitable<void> no_twin(tcp::socket &socket, asio::steady_timer &timer,
                              tcp::resolver &resolver) {
  socket.non_blocking(true);
  std::size_t ready = socket.available();
  (void)ready;
  socket.set_option(tcp::no_delay(true));
  socket.shutdown(tcp::socket::shutdown_both);
  socket.cancel();
  socket.close();
  timer.cancel();
  resolver.cancel();
  auto ex = socket.get_executor();
  (void)ex;
  co_return;
}

// A project's own client with the same pairing is not Asio's.
namespace app {
struct Client {
  void connect(int port);
  asio::awaitable<void> async_connect(int port);
};
} // namespace app

asio::awaitable<void> own_client(app::Client &client) {
  client.connect(80);
  co_await client.async_connect(80);
}

// Outside a coroutine the synchronous forms are the right ones.
std::size_t blocking_client(tcp::socket &socket) {
  socket.wait(tcp::socket::wait_read);
  char data[16];
  return socket.read_some(asio::buffer(data));
}
