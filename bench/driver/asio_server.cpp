// A typical Boost.Asio coroutine translation unit (an echo server with a
// timeout and a session registry): the workload for bench/driver/bench.py.
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

class Registry {
public:
  void add(int id, std::string peer) {
    std::lock_guard lock(mutex_);
    sessions_[id] = std::move(peer);
  }
  void remove(int id) {
    std::lock_guard lock(mutex_);
    sessions_.erase(id);
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return sessions_.size();
  }

private:
  mutable std::mutex mutex_;
  std::map<int, std::string> sessions_;
};

asio::awaitable<void> timeout(std::chrono::steady_clock::duration d) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(d);
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<std::size_t> echo_once(tcp::socket &socket) {
  char data[1024];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data, n), asio::use_awaitable);
  co_return n;
}

asio::awaitable<void> session(tcp::socket socket, Registry &registry, int id) {
  registry.add(id, socket.remote_endpoint().address().to_string());
  try {
    for (;;) {
      auto result = co_await (echo_once(socket) || timeout(30s));
      if (result.index() == 1)
        break;
    }
  } catch (const std::exception &e) {
    std::cerr << "session " << id << ": " << e.what() << "\n";
  }
  registry.remove(id);
}

asio::awaitable<void> listener(unsigned short port, Registry &registry) {
  auto executor = co_await asio::this_coro::executor;
  tcp::acceptor acceptor(executor, {tcp::v4(), port});
  for (int id = 0;; ++id) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(executor, session(std::move(socket), registry, id), asio::detached);
  }
}

int main() {
  asio::io_context io;
  Registry registry;
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](auto, auto) { io.stop(); });
  asio::co_spawn(io, listener(5555, registry), asio::detached);
  io.run();
  std::cout << registry.size() << "\n";
}
