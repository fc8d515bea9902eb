// Boost.Asio awaitable coroutines: blocking calls are flagged, Asio's own
// asynchronous operations (and the library's internals) are not.
#include <boost/asio.hpp>
#include <chrono>
#include <thread>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

void backoff() {
  std::this_thread::sleep_for(100ms); // expected-note {{'backoff' calls 'std::this_thread::sleep_for', which can block}}
}

asio::awaitable<void> session(tcp::socket socket) {
  char data[1024];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                    asio::use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n),
                               asio::use_awaitable);
    std::this_thread::sleep_for(10ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'session'}}
    backoff(); // expected-warning {{call to 'backoff' in coroutine 'session' can reach a blocking call to 'std::this_thread::sleep_for'}}
  }
}

asio::awaitable<void> right_way() {
  auto executor = co_await asio::this_coro::executor;
  asio::steady_timer timer(executor, 100ms);
  co_await timer.async_wait(asio::use_awaitable);
  // Blocking work posted to a thread pool runs there.
  asio::thread_pool pool(1);
  asio::post(pool, [] { std::this_thread::sleep_for(1s); });
  pool.join(); // expected-warning {{blocking call to 'boost::asio::thread_pool::join'}}
}

// Asio's synchronous operations block like any socket call.
asio::awaitable<std::size_t> sync_in_coroutine(tcp::socket &socket,
                                               tcp::resolver &resolver) {
  char data[16];
  auto endpoints = resolver.resolve("example.org", "80"); // expected-warning {{blocking call to 'boost::asio::ip::basic_resolver::resolve'}}
  asio::connect(socket, endpoints); // expected-warning {{blocking call to 'boost::asio::connect'}}
  std::size_t n = socket.read_some(asio::buffer(data)); // expected-warning {{blocking call to 'boost::asio::basic_stream_socket::read_some'}}
  n += asio::write(socket, asio::buffer(data, n)); // expected-warning {{blocking call to 'boost::asio::write'}}
  co_return n;
}

asio::awaitable<void> listener() {
  auto executor = co_await asio::this_coro::executor;
  tcp::acceptor acceptor(executor, {tcp::v4(), 5555});
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(executor, session(std::move(socket)), asio::detached);
  }
}

int main() {
  asio::io_context io;
  asio::co_spawn(io, listener(), asio::detached);
  io.run();
}
