// Echo server and clients on loopback, 100 concurrent connections, 64-byte messages: requests per
// second of corio and of Boost.Asio 1.81 on the same workload, one thread each, in one binary.
//   build-bench/echo_vs_asio
#include <benchmark/benchmark.h>

#include <array>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <corio/corio.hpp>
#include <vector>

namespace asio = boost::asio;

namespace {

constexpr int kConnections = 100;
constexpr int kRoundTrips = 500;  // per connection and benchmark iteration
constexpr std::size_t kMessage = 64;

// --- corio ----------------------------------------------------------------------------------------

corio::Task<void> corio_echo_session(corio::TcpStream stream) {
  std::array<char, 4096> buffer;
  for (;;) {
    const std::size_t n = co_await stream.read_some(buffer);
    if (n == 0) break;
    co_await stream.write_all(std::string_view(buffer.data(), n));
  }
}

corio::Task<void> corio_echo_server(corio::TcpListener& listener) {
  std::vector<corio::TaskHandle<void>> sessions;
  for (int i = 0; i < kConnections; ++i) sessions.push_back(corio::create_task(corio_echo_session(co_await listener.accept())));
  for (auto& s : sessions) co_await s;
}

corio::Task<void> corio_client(std::uint16_t port) {
  corio::TcpStream stream = co_await corio::TcpStream::connect("127.0.0.1", port);
  std::array<char, kMessage> message{};
  std::array<char, kMessage> reply{};
  for (int i = 0; i < kRoundTrips; ++i) {
    co_await stream.write_all(std::string_view(message.data(), message.size()));
    co_await stream.read_exact(reply);
  }
}

corio::Task<void> corio_echo_run() {
  auto listener = corio::TcpListener::bind("127.0.0.1", 0);
  auto server = corio::create_task(corio_echo_server(listener));
  std::vector<corio::Task<void>> clients;
  for (int i = 0; i < kConnections; ++i) clients.push_back(corio_client(listener.port()));
  try {
    co_await corio::gather(std::move(clients));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "corio echo: %s\n", e.what());
  }
  co_await server;
}

void corio_echo(benchmark::State& state) {
  for (auto _ : state) corio::run(corio_echo_run());
  state.SetItemsProcessed(state.iterations() * kConnections * kRoundTrips);
}

// --- Boost.Asio -----------------------------------------------------------------------------------

asio::awaitable<void> asio_echo_session(asio::ip::tcp::socket socket) {
  std::array<char, 4096> buffer;
  try {
    for (;;) {
      const std::size_t n = co_await socket.async_read_some(asio::buffer(buffer), asio::use_awaitable);
      co_await asio::async_write(socket, asio::buffer(buffer.data(), n), asio::use_awaitable);
    }
  } catch (const boost::system::system_error&) {
    // end of stream
  }
}

asio::awaitable<void> asio_echo_server(asio::ip::tcp::acceptor& acceptor) {
  for (int i = 0; i < kConnections; ++i) {
    asio::ip::tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    socket.set_option(asio::ip::tcp::no_delay(true));
    asio::co_spawn(acceptor.get_executor(), asio_echo_session(std::move(socket)), asio::detached);
  }
}

asio::awaitable<void> asio_client(asio::ip::tcp::endpoint endpoint) {
  asio::ip::tcp::socket socket(co_await asio::this_coro::executor);
  co_await socket.async_connect(endpoint, asio::use_awaitable);
  socket.set_option(asio::ip::tcp::no_delay(true));
  std::array<char, kMessage> message{};
  std::array<char, kMessage> reply{};
  for (int i = 0; i < kRoundTrips; ++i) {
    co_await asio::async_write(socket, asio::buffer(message), asio::use_awaitable);
    co_await asio::async_read(socket, asio::buffer(reply), asio::use_awaitable);
  }
}

void asio_echo(benchmark::State& state) {
  for (auto _ : state) {
    asio::io_context ctx(1);
    asio::ip::tcp::acceptor acceptor(ctx, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    const auto endpoint = acceptor.local_endpoint();
    asio::co_spawn(ctx, asio_echo_server(acceptor), asio::detached);
    for (int i = 0; i < kConnections; ++i) asio::co_spawn(ctx, asio_client(endpoint), asio::detached);
    ctx.run();
  }
  state.SetItemsProcessed(state.iterations() * kConnections * kRoundTrips);
}

}  // namespace

BENCHMARK(corio_echo)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(asio_echo)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

BENCHMARK_MAIN();
