// The tutorial's "parallel API calls": three services on loopback, fetched concurrently through one
// shared HTTP session.   Run: build-runtime/examples/corio_example_parallel_api_calls
#include <corio/corio.hpp>
#include <cstdio>

using namespace std::chrono_literals;
using corio::Task;
namespace http = corio::http;

namespace {

// A fake service answering with `body` after `latency`.
http::Handler service(std::string body, corio::Duration latency) {
  return [body, latency](http::Request) -> Task<http::Response> {
    co_await corio::sleep(latency);
    http::Response response;
    response.headers.add("Content-Type", "application/json");
    response.body = body;
    co_return response;
  };
}

Task<std::string> fetch_json(http::Session& session, std::string url) {
  http::Response response = co_await session.get(std::move(url));
  if (response.status != 200) throw std::runtime_error("HTTP " + std::to_string(response.status));
  co_return response.body;
}

Task<int> aggregate_data(int user_id) {
  auto users = http::Server::bind("127.0.0.1", 0, service(R"({"id": 1, "name": "Ada"})", 100ms));
  auto orders = http::Server::bind("127.0.0.1", 0, service(R"([{"id": 1, "item": "Book"}])", 200ms));
  auto recommend = http::Server::bind("127.0.0.1", 0, service(R"(["Pen", "Ink"])", 150ms));
  std::vector<corio::TaskHandle<void>> servers;
  servers.push_back(corio::create_task(users.serve()));
  servers.push_back(corio::create_task(orders.serve()));
  servers.push_back(corio::create_task(recommend.serve()));

  int status = 0;
  http::Session session;
  const auto start = corio::Clock::now();
  try {
    auto [user, user_orders, recommendations] = co_await corio::gather(
        fetch_json(session, users.url("/" + std::to_string(user_id))),
        fetch_json(session, orders.url("/user/" + std::to_string(user_id))),
        fetch_json(session, recommend.url("/" + std::to_string(user_id))));
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(corio::Clock::now() - start);
    std::printf("{\"user\": %s, \"orders\": %s, \"recommendations\": %s}\n", user.c_str(), user_orders.c_str(),
                recommendations.c_str());
    std::printf("three calls of 100, 200 and 150 ms took %lld ms together\n", static_cast<long long>(took.count()));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "aggregation failed: %s\n", e.what());
    status = 1;
  }
  co_await session.aclose();
  for (auto& server : servers) server.cancel();
  for (auto& server : servers) {
    try {
      co_await server;
    } catch (const corio::CancelledError&) {
    }
  }
  co_return status;
}

}  // namespace

int main() { return corio::run(aggregate_data(1)); }
