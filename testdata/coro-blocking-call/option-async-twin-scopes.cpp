// AsyncTwinScopes emptied: only the listed synchronous operations are known.
// CONFIG: {CheckOptions: {coro-blocking-call.AsyncTwinScopes: ''}}
#include <boost/asio.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> listed_only(tcp::socket &socket,
                                  asio::posix::stream_descriptor &pipe) {
  socket.wait(tcp::socket::wait_read); // expected-warning {{blocking call to 'boost::asio::basic_stream_socket::wait'}}
  char byte;
  pipe.read_some(asio::buffer(&byte, 1)); // not listed by name
  co_return;
}
