// libcoro's sockets are non-blocking by construction: recv, send and
// accept_now after an awaited poll() are the library's documented idiom
// (the runtime table's NonBlockingFunctions). A socket of your own is not.
#include <array>
#include <coro/net/tcp/client.hpp>
#include <sys/socket.h>

coro::task<void> echo(coro::net::tcp::server &server) {
  co_await server.poll();
  auto client = server.accept_now();
  std::array<char, 256> buf{};
  co_await client.poll(coro::poll_op::read);
  auto [status, data] = client.recv(buf);
  co_await client.poll(coro::poll_op::write);
  client.send(buf);
}

struct my_client {
  int fd;
  template <typename B> long recv(B &b) { return ::recv(fd, b.data(), b.size(), 0); }
};

coro::task<void> own(my_client &c) {
  std::array<char, 256> buf{};
  c.recv(buf); // expected-warning {{call to 'my_client::recv' in coroutine 'own' can reach a blocking call to 'recv'}} expected-note@-5 {{'my_client::recv' calls 'recv', which can block}}
  co_return;
}
