// Benchmark input for coro-blocking-call: a realistic Boost.Asio coroutine
// server. Parsing <boost/asio.hpp> dominates; the question is how much the
// check adds on top of that.
#include <boost/asio.hpp>
#include <chrono>
#include <fstream>
#include <future>
#include <string>
#include <thread>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

static std::string load_config(const std::string &path) {
  std::ifstream in(path);
  std::string line, all;
  while (std::getline(in, line))
    all += line;
  return all;
}

static int parse_port(const std::string &cfg) { return cfg.empty() ? 5555 : 8080; }

asio::awaitable<void> echo(tcp::socket socket) {
  char data[1024];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                    asio::use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n),
                               asio::use_awaitable);
  }
}

asio::awaitable<void> throttled_echo(tcp::socket socket) {
  char data[1024];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data),
                                                    asio::use_awaitable);
    std::this_thread::sleep_for(1ms); // The bug the check finds.
    co_await asio::async_write(socket, asio::buffer(data, n),
                               asio::use_awaitable);
  }
}

asio::awaitable<void> listener(bool throttle) {
  auto executor = co_await asio::this_coro::executor;
  int port = parse_port(load_config("/etc/echo.conf")); // Transitive.
  tcp::acceptor acceptor(executor, {tcp::v4(), static_cast<unsigned short>(port)});
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    if (throttle)
      asio::co_spawn(executor, throttled_echo(std::move(socket)), asio::detached);
    else
      asio::co_spawn(executor, echo(std::move(socket)), asio::detached);
  }
}

asio::awaitable<void> ticker() {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (int i = 0; i < 10; ++i) {
    timer.expires_after(100ms);
    co_await timer.async_wait(asio::use_awaitable);
  }
}

int main() {
  asio::io_context io;
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](auto, auto) { io.stop(); });
  asio::co_spawn(io, listener(true), asio::detached);
  asio::co_spawn(io, ticker(), asio::detached);
  io.run();
}
