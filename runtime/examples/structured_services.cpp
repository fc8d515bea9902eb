// Structured concurrency over real sockets: the servers run as children of a task group, every
// request fans out in a nested group under one timeout scope, a Lock guards the shared statistics
// across awaits, and an Event tells the clients that the servers are up.
//   Run: build-runtime/examples/corio_example_structured_services
#include <corio/corio.hpp>
#include <cstdio>
#include <string>
#include <vector>

using namespace std::chrono_literals;
using corio::Task;
using corio::TaskGroup;
namespace http = corio::http;

namespace {

http::Handler service(std::string body, corio::Duration latency) {
  return [body, latency](http::Request) -> Task<http::Response> {
    co_await corio::sleep(latency);
    http::Response response;
    response.body = body;
    co_return response;
  };
}

struct Stats {
  corio::Lock lock;
  int requests = 0;
  std::size_t bytes = 0;
};

// Counts a response under the lock; the await in the middle stands for a slow audit write.
Task<void> record(Stats& stats, std::size_t bytes) {
  auto guard = co_await stats.lock.acquire();
  const int seen = stats.requests;
  co_await corio::sleep(1ms);
  stats.requests = seen + 1;
  stats.bytes += bytes;
}

Task<std::string> fetch(http::Session& session, Stats& stats, std::string url) {
  http::Response response = co_await session.get(std::move(url));
  if (response.status != 200) throw std::runtime_error("HTTP " + std::to_string(response.status));
  co_await record(stats, response.body.size());
  co_return response.body;
}

// One page: three calls at once, all within 2 s, or none.
Task<std::size_t> page(http::Session& session, Stats& stats, const std::string& users, const std::string& orders,
                       const std::string& prices) {
  co_return co_await corio::timeout(2s, [&]() -> Task<std::size_t> {
    corio::ChildHandle<std::string> a, b, c;
    co_await corio::task_group([&](TaskGroup& g) -> Task<void> {
      a = g.create_task(fetch(session, stats, users));
      b = g.create_task(fetch(session, stats, orders));
      c = g.create_task(fetch(session, stats, prices));
      co_return;
    });
    co_return a.result().size() + b.result().size() + c.result().size();
  });
}

// Waits for the servers, loads five pages, then stops the servers (which ends their group).
Task<void> clients(corio::Event& up, Stats& stats, http::Server& users, http::Server& orders, http::Server& prices,
                   std::vector<corio::ChildHandle<void>> servers) {
  co_await up.wait();
  http::Session session;
  std::size_t total = 0;
  for (int i = 0; i < 5; ++i) total += co_await page(session, stats, users.url("/"), orders.url("/"), prices.url("/"));
  co_await session.aclose();
  std::printf("5 pages, %zu bytes\n", total);
  for (auto& server : servers) server.cancel();
}

Task<int> serve_and_query() {
  auto users = http::Server::bind("127.0.0.1", 0, service(R"({"id": 1})", 20ms));
  auto orders = http::Server::bind("127.0.0.1", 0, service(R"([{"id": 7}])", 40ms));
  auto prices = http::Server::bind("127.0.0.1", 0, service(R"({"book": 12})", 30ms));
  corio::Event up;
  Stats stats;
  int status = 0;
  try {
    co_await corio::task_group([&](TaskGroup& g) -> Task<void> {
      auto u = g.create_task(users.serve());
      auto o = g.create_task(orders.serve());
      auto p = g.create_task(prices.serve());
      g.create_task(clients(up, stats, users, orders, prices, {u, o, p}));
      up.set();
      co_return;
    });
  } catch (const corio::ExceptionGroup& failures) {
    std::fprintf(stderr, "%s\n", failures.what());
    status = 1;
  }
  std::printf("%d requests recorded under the lock, %zu bytes\n", stats.requests, stats.bytes);
  if (stats.requests != 15) status = 1;
  co_return status;
}

}  // namespace

int main() { return corio::run(serve_and_query()); }
