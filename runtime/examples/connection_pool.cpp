// The tutorial's "database connection pooling": a loopback line-protocol server stands in for the
// database; a Pool<TcpStream> (max_size 5, max_overflow 2) serves 40 concurrent queries.
//   Run: build-runtime/examples/corio_example_connection_pool
#include <corio/corio.hpp>
#include <cstdio>

using namespace std::chrono_literals;
using corio::Task;
using corio::TcpStream;

namespace {

// The "database": answers each line "SELECT n" with "ROW n" after 20 ms.
Task<void> serve_client(TcpStream client) {
  std::string buffer;
  char chunk[1024];
  for (;;) {
    const std::size_t n = co_await client.read_some(chunk);
    if (n == 0) co_return;
    buffer.append(chunk, n);
    for (std::size_t eol; (eol = buffer.find('\n')) != std::string::npos;) {
      std::string line = buffer.substr(0, eol);
      buffer.erase(0, eol + 1);
      co_await corio::sleep(20ms);
      co_await client.write_all("ROW " + line.substr(line.find(' ') + 1) + "\n");
    }
  }
}

Task<void> database(corio::TcpListener& listener, int& connections) {
  std::vector<corio::TaskHandle<void>> clients;
  try {
    for (;;) {
      clients.push_back(corio::create_task(serve_client(co_await listener.accept())));
      ++connections;
    }
  } catch (const corio::CancelledError&) {
  }
  for (auto& c : clients) c.cancel();
  for (auto& c : clients) {
    try {
      co_await c;
    } catch (...) {
    }
  }
}

// One query on a pooled connection. Replies are read byte by byte up to the newline, so nothing of
// a later reply is left behind in a buffer when the connection goes back to the pool.
Task<std::string> query(corio::Pool<TcpStream>& pool, int n) {
  auto connection = co_await pool.acquire();
  try {
    co_await connection->write_all("SELECT " + std::to_string(n) + "\n");
    std::string reply;
    char c = 0;
    while (c != '\n') {
      co_await connection->read_exact(std::span<char>(&c, 1));
      if (c != '\n') reply += c;
    }
    co_return reply;
  } catch (...) {
    connection.discard();  // a broken connection is closed, not reused
    throw;
  }
}

Task<int> main_task() {
  auto listener = corio::TcpListener::bind("127.0.0.1", 0);
  int server_connections = 0;
  auto db = corio::create_task(database(listener, server_connections));
  const std::uint16_t port = listener.port();
  corio::Pool<TcpStream> pool([port] { return TcpStream::connect("127.0.0.1", port); },
                              corio::PoolOptions{.max_size = 5, .max_overflow = 2});
  int status = 0;
  std::vector<Task<std::string>> queries;
  for (int i = 0; i < 40; ++i) queries.push_back(query(pool, i));
  const auto start = corio::Clock::now();
  try {
    std::vector<std::string> rows = co_await corio::gather(std::move(queries));
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(corio::Clock::now() - start);
    std::printf("%zu rows (first \"%s\", last \"%s\") in %lld ms over %d connections; %zu kept in the pool\n",
                rows.size(), rows.front().c_str(), rows.back().c_str(), static_cast<long long>(took.count()),
                server_connections, pool.size());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "query failed: %s\n", e.what());
    status = 1;
  }
  co_await pool.aclose();
  db.cancel();
  co_await db;
  co_return status;
}

}  // namespace

int main() { return corio::run(main_task()); }
