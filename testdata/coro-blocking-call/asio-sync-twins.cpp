// Asio's synchronous operations: every member of an I/O object (socket,
// acceptor, timer, resolver, descriptor, SSL stream...) and every free
// function whose `async_` twin is declared beside it blocks until the
// operation is done. Known from the declarations, not from a list.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <string>

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::ip::tcp;
using asio::ip::udp;
using namespace std::chrono_literals;

asio::awaitable<void> readiness(tcp::socket &socket, tcp::acceptor &acceptor) {
  socket.wait(tcp::socket::wait_read); // expected-warning {{blocking call to 'boost::asio::basic_stream_socket::wait' in coroutine 'readiness'}}
  boost::system::error_code ec;
  socket.wait(tcp::socket::wait_write, ec); // expected-warning {{blocking call to 'boost::asio::basic_stream_socket::wait'}}
  acceptor.wait(tcp::acceptor::wait_read); // expected-warning {{blocking call to 'boost::asio::basic_socket_acceptor::wait'}}
  tcp::socket peer = acceptor.accept(); // expected-warning {{blocking call to 'boost::asio::basic_socket_acceptor::accept'}}
  (void)peer;
  co_return;
}

asio::awaitable<std::size_t> streams(tcp::socket &socket, udp::socket &datagram,
                                     asio::streambuf &buf) {
  char data[64];
  std::size_t n = socket.receive(asio::buffer(data)); // expected-warning {{blocking call to 'boost::asio::basic_stream_socket::receive'}}
  n += socket.send(asio::buffer(data, n)); // expected-warning {{blocking call to 'boost::asio::basic_stream_socket::send'}}
  n += socket.write_some(asio::buffer(data, n)); // expected-warning {{blocking call to 'boost::asio::basic_stream_socket::write_some'}}
  udp::endpoint from;
  n += datagram.receive_from(asio::buffer(data), from); // expected-warning {{blocking call to 'boost::asio::basic_datagram_socket::receive_from'}}
  n += datagram.send(asio::buffer(data, n)); // expected-warning {{blocking call to 'boost::asio::basic_datagram_socket::send'}}
  n += asio::read_until(socket, buf, "\r\n"); // expected-warning {{blocking call to 'boost::asio::read_until'}}
  n += asio::read(socket, asio::buffer(data)); // expected-warning {{blocking call to 'boost::asio::read'}}
  co_return n;
}

asio::awaitable<void> timers_and_names(asio::steady_timer &timer,
                                       asio::system_timer &clock,
                                       tcp::resolver &resolver,
                                       asio::posix::stream_descriptor &pipe) {
  timer.expires_after(10ms);
  timer.wait(); // expected-warning {{blocking call to 'boost::asio::basic_waitable_timer::wait'}}
  clock.wait(); // expected-warning {{blocking call to 'boost::asio::basic_waitable_timer::wait'}}
  auto results = resolver.resolve("example.org", "443"); // expected-warning {{blocking call to 'boost::asio::ip::basic_resolver::resolve'}}
  (void)results;
  char byte;
  pipe.read_some(asio::buffer(&byte, 1)); // expected-warning {{blocking call to 'boost::asio::posix::basic_stream_descriptor::read_some'}}
  pipe.wait(asio::posix::descriptor_base::wait_read); // expected-warning {{blocking call to 'boost::asio::posix::basic_stream_descriptor::wait'}}
  co_return;
}

asio::awaitable<void> tls(asio::ssl::stream<tcp::socket> &stream) {
  stream.handshake(asio::ssl::stream_base::client); // expected-warning {{blocking call to 'boost::asio::ssl::stream::handshake'}}
  char data[16];
  stream.read_some(asio::buffer(data)); // expected-warning {{blocking call to 'boost::asio::ssl::stream::read_some'}}
  stream.shutdown(); // expected-warning {{blocking call to 'boost::asio::ssl::stream::shutdown'}}
  co_return;
}

// Beast is built on Asio and pairs its operations the same way.
asio::awaitable<void> http(beast::tcp_stream &stream,
                           beast::websocket::stream<tcp::socket> &ws) {
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> res;
  beast::http::read(stream, buffer, res); // expected-warning {{blocking call to 'boost::beast::http::read'}}
  ws.handshake("example.org", "/"); // expected-warning {{blocking call to 'boost::beast::websocket::stream::handshake'}}
  ws.write(asio::buffer(std::string("hi"))); // expected-warning {{blocking call to 'boost::beast::websocket::stream::write'}}
  co_return;
}

// Through a helper.
void drain(tcp::socket &socket) {
  socket.wait(tcp::socket::wait_read); // expected-note {{'drain' calls 'boost::asio::basic_stream_socket::wait', which can block}}
}
asio::awaitable<void> via_helper(tcp::socket &socket) {
  drain(socket); // expected-warning {{call to 'drain' in coroutine 'via_helper' can reach a blocking call to 'boost::asio::basic_stream_socket::wait'}}
  co_return;
}
