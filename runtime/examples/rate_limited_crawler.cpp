// The tutorial's "rate limiting with a semaphore": a crawler fetches 60 pages from a loopback site
// with at most 10 requests in flight.   Run: build-runtime/examples/corio_example_rate_limited_crawler
#include <algorithm>
#include <corio/corio.hpp>
#include <cstdio>

using namespace std::chrono_literals;
using corio::Task;
namespace http = corio::http;

namespace {

struct InFlight {
  int now = 0;
  int max = 0;
};

Task<http::Response> page(http::Request request) {
  co_await corio::sleep(10ms);
  http::Response response;
  response.body = "<html>" + request.target + "</html>";
  co_return response;
}

Task<std::size_t> fetch(http::Session& session, corio::Semaphore& semaphore, InFlight& in_flight, std::string url) {
  auto permit = co_await semaphore.acquire();  // async with semaphore:
  in_flight.max = std::max(in_flight.max, ++in_flight.now);
  http::Response response = co_await session.get(std::move(url));
  --in_flight.now;
  co_return response.body.size();
}

Task<int> crawl() {
  auto site = http::Server::bind("127.0.0.1", 0, page);
  auto serving = corio::create_task(site.serve());
  http::Session session;
  corio::Semaphore semaphore(10);
  InFlight in_flight;
  std::vector<Task<std::size_t>> fetches;
  for (int i = 0; i < 60; ++i) fetches.push_back(fetch(session, semaphore, in_flight, site.url("/page/" + std::to_string(i))));
  int status = 0;
  auto results = co_await corio::gather(corio::return_exceptions, std::move(fetches));
  std::size_t bytes = 0;
  int failed = 0;
  for (auto& r : results) {
    if (r) bytes += r.value();
    else ++failed;
  }
  std::printf("crawled %zu pages (%d failed), %zu bytes, at most %d requests in flight, %zu connections\n",
              results.size(), failed, bytes, in_flight.max, session.connections_opened());
  if (failed > 0 || in_flight.max > 10) status = 1;
  co_await session.aclose();
  serving.cancel();
  try {
    co_await serving;
  } catch (const corio::CancelledError&) {
  }
  co_return status;
}

}  // namespace

int main() { return corio::run(crawl()); }
