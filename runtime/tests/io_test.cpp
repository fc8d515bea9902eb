// Sockets and HTTP on loopback: servers are started inside each test on 127.0.0.1, ephemeral port.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <string>
#include <vector>

#include <corio/io/http.hpp>
#include <corio/io/tcp.hpp>

#include "test_support.hpp"

using namespace std::chrono_literals;
using corio::Task;
using corio::TaskHandle;
using corio::TcpListener;
using corio::TcpStream;

namespace {

// Stops a background server task and waits until it has finished.
Task<void> stop(TaskHandle<void>& server) {
  server.cancel();
  try {
    co_await server;
  } catch (const corio::CancelledError&) {
  }
}

Task<std::string> read_to_end(TcpStream& stream) {
  std::string all;
  char buffer[4096];
  for (;;) {
    const std::size_t n = co_await stream.read_some(buffer);
    if (n == 0) break;
    all.append(buffer, n);
  }
  co_return all;
}

Task<void> echo_connection(TcpStream stream) {
  char buffer[4096];
  for (;;) {
    const std::size_t n = co_await stream.read_some(buffer);
    if (n == 0) break;
    co_await stream.write_all(std::string_view(buffer, n));
  }
}

Task<void> echo_server(TcpListener& listener, int connections) {
  std::vector<Task<void>> handlers;
  std::vector<TaskHandle<void>> running;
  for (int i = 0; i < connections; ++i) running.push_back(corio::create_task(echo_connection(co_await listener.accept())));
  try {
    co_await corio::gather(std::move(running));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

// --- TCP ------------------------------------------------------------------------------------------

Task<void> echo_with_half_close() {
  auto listener = TcpListener::bind("127.0.0.1", 0);
  auto server = corio::create_task(echo_server(listener, 1));
  TcpStream client = co_await TcpStream::connect("127.0.0.1", listener.port());
  co_await client.write_all(std::string_view("hello, "));
  co_await client.write_all(std::string_view("world"));
  client.shutdown_write();  // the server reads end-of-stream, echoes what it got and closes
  EXPECT_EQ(co_await read_to_end(client), "hello, world");
  co_await server;
}

TEST(Tcp, EchoWithHalfClose) { corio::run(echo_with_half_close()); }

Task<void> refused() {
  std::uint16_t port;
  {
    auto listener = TcpListener::bind("127.0.0.1", 0);
    port = listener.port();
  }  // closed: nobody listens there any more
  try {
    co_await TcpStream::connect("127.0.0.1", port);
    ADD_FAILURE() << "expected connection refused";
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code(), std::errc::connection_refused) << e.what();
  }
}

TEST(Tcp, ConnectionRefusedIsAnErrorCode) { corio::run(refused()); }

Task<void> short_reply(TcpListener& listener) {
  TcpStream peer = co_await listener.accept();
  co_await peer.write_all(std::string_view("abc"));
}

Task<void> read_exact_hits_eof() {
  auto listener = TcpListener::bind("127.0.0.1", 0);
  auto server = corio::create_task(short_reply(listener));
  TcpStream client = co_await TcpStream::connect("127.0.0.1", listener.port());
  co_await server;
  char buffer[10];
  try {
    co_await client.read_exact(buffer);
    ADD_FAILURE() << "expected end of stream";
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code(), corio::io_errc::unexpected_eof);
  }
}

TEST(Tcp, ReadExactReportsAnUnexpectedEnd) { corio::run(read_exact_hits_eof()); }

Task<void> silent_peer(TcpListener& listener, TcpStream& keep) {
  keep = co_await listener.accept();  // accepts and says nothing
}

Task<void> cancelled_read_leaves_stream_usable() {
  auto listener = TcpListener::bind("127.0.0.1", 0);
  TcpStream server_side;
  auto accepting = corio::create_task(silent_peer(listener, server_side));
  TcpStream client = co_await TcpStream::connect("127.0.0.1", listener.port());
  co_await accepting;
  char buffer[16];
  try {
    co_await corio::wait_for(client.read_some(buffer), 50ms);
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
  }
  co_await server_side.write_all(std::string_view("late"));  // the stream still works
  const std::size_t n = co_await client.read_some(buffer);
  EXPECT_EQ(std::string_view(buffer, n), "late");
}

TEST(Tcp, ACancelledReadLeavesTheStreamUsable) { corio::run(cancelled_read_leaves_stream_usable()); }

Task<void> resolve_a_name() {
  auto addresses = co_await corio::resolve("localhost", 80);  // getaddrinfo on the executor
  EXPECT_FALSE(addresses.empty());
  try {
    co_await corio::resolve("no-such-host.invalid", 80);
    ADD_FAILURE() << "expected a resolution failure";
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code(), corio::io_errc::bad_address);
  }
}

TEST(Tcp, ResolvesNamesOnTheExecutor) { corio::run(resolve_a_name()); }

Task<int> one_client(std::uint16_t port, int id) {
  TcpStream stream = co_await TcpStream::connect("127.0.0.1", port);
  const std::string line = "client " + std::to_string(id) + "\n";
  co_await stream.write_all(line);
  std::string back(line.size(), '\0');
  co_await stream.read_exact(back);
  co_return back == line ? 1 : 0;
}

Task<void> thousand_connections() {
  constexpr int kClients = 1000;
  auto listener = TcpListener::bind("127.0.0.1", 0);
  auto server = corio::create_task(echo_server(listener, kClients));
  std::vector<Task<int>> clients;
  for (int i = 0; i < kClients; ++i) clients.push_back(one_client(listener.port(), i));
  try {
    int ok = 0;
    for (int r : co_await corio::gather(std::move(clients))) ok += r;
    EXPECT_EQ(ok, kClients);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  co_await server;
}

TEST(Tcp, AThousandConcurrentConnections) {
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  if (limit.rlim_cur < 2100) {  // both ends of every connection are in this process
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 4096);
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  if (limit.rlim_cur < 2100) GTEST_SKIP() << "RLIMIT_NOFILE too low: " << limit.rlim_cur;
  corio::run(thousand_connections());
}

// --- HTTP -----------------------------------------------------------------------------------------

corio::http::Response text(std::string body) {
  corio::http::Response r;
  r.headers.add("Content-Type", "application/json");
  r.body = std::move(body);
  return r;
}

// Three "services" on one loopback server, each with its own latency.
Task<corio::http::Response> services(corio::http::Request request) {
  if (request.target == "/users/1") {
    co_await corio::sleep(30ms);
    co_return text(R"({"id": 1})");
  }
  if (request.target == "/orders/user/1") {
    co_await corio::sleep(20ms);
    co_return text(R"([{"id": 1, "item": "Book"}])");
  }
  if (request.target == "/recommend/1") co_return text(R"(["Pen"])");
  if (request.target == "/echo") co_return text(request.method + ":" + request.body);
  if (request.target == "/fail") throw std::runtime_error("handler failed");
  if (request.target == "/slow") {
    co_await corio::sleep(10s);
    co_return text("too late");
  }
  corio::http::Response missing;
  missing.status = 404;
  co_return missing;
}

Task<void> concurrent_requests() {
  auto server = corio::http::Server::bind("127.0.0.1", 0, services);
  auto serving = corio::create_task(server.serve());
  corio::http::Session session;
  try {
    auto [user, orders, recommendations] = co_await corio::gather(
        session.get(server.url("/users/1")), session.get(server.url("/orders/user/1")), session.get(server.url("/recommend/1")));
    EXPECT_EQ(user.status, 200);
    EXPECT_EQ(user.body, R"({"id": 1})");
    EXPECT_EQ(orders.body, R"([{"id": 1, "item": "Book"}])");
    EXPECT_EQ(recommendations.body, R"(["Pen"])");
    EXPECT_EQ(user.header("content-type").value_or(""), "application/json");
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(session.connections_opened(), 3u);  // three at the same time need three connections
  co_await stop(serving);
}

TEST(Http, ConcurrentRequestsThroughOneSession) { corio::run(concurrent_requests()); }

Task<void> keep_alive_reuse() {
  auto server = corio::http::Server::bind("127.0.0.1", 0, services);
  auto serving = corio::create_task(server.serve());
  corio::http::Session session;
  for (int i = 0; i < 5; ++i) {
    auto response = co_await session.get(server.url("/recommend/1"));
    EXPECT_EQ(response.status, 200);
  }
  auto posted = co_await session.post(server.url("/echo"), "payload");
  EXPECT_EQ(posted.body, "POST:payload");
  auto missing = co_await session.get(server.url("/nothing"));
  EXPECT_EQ(missing.status, 404);
  auto failed = co_await session.get(server.url("/fail"));
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(session.connections_opened(), 1u);
  co_await session.aclose();
  co_await stop(serving);
}

TEST(Http, KeepAliveReusesOneConnection) { corio::run(keep_alive_reuse()); }

// A raw server that answers each connection's first request with fixed bytes, then closes.
Task<void> raw_server(TcpListener& listener, std::string reply, int connections = 1) {
  for (int i = 0; i < connections; ++i) {
    TcpStream peer = co_await listener.accept();
    corio::http::Connection connection(std::move(peer));
    auto head = co_await connection.read_head();
    if (head) co_await connection.write(reply);
  }
}

Task<corio::http::Response> fetch_from_raw(std::string reply) {
  auto listener = TcpListener::bind("127.0.0.1", 0);
  auto server = corio::create_task(raw_server(listener, std::move(reply)));
  corio::http::Session session;
  std::exception_ptr error;
  corio::http::Response response;
  try {
    response = co_await session.get("http://127.0.0.1:" + std::to_string(listener.port()) + "/");
  } catch (...) {
    error = std::current_exception();
  }
  co_await server;
  if (error) std::rethrow_exception(error);
  co_return response;
}

TEST(Http, ChunkedBody) {
  auto response = corio::run(fetch_from_raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                            "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n"));
  EXPECT_EQ(response.body, "hello, world");
}

TEST(Http, BodyUntilCloseWithoutLength) {
  auto response = corio::run(fetch_from_raw("HTTP/1.0 200 OK\r\n\r\nall of it"));
  EXPECT_EQ(response.body, "all of it");
}

TEST(Http, ServerClosingMidResponseIsAnError) {
  try {
    corio::run(fetch_from_raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b"));
    ADD_FAILURE() << "expected an error";
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code(), corio::io_errc::unexpected_eof);
  }
}

TEST(Http, TruncatedChunkedBodyIsAnError) {
  EXPECT_THROW(corio::run(fetch_from_raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")), std::system_error);
}

TEST(Http, GarbageStatusLineIsAProtocolError) {
  EXPECT_THROW(corio::run(fetch_from_raw("SMTP ready\r\n\r\n")), corio::http::ProtocolError);
  EXPECT_THROW(corio::run(fetch_from_raw("HTTP/1.1 2x0 OK\r\n\r\n")), corio::http::ProtocolError);
  EXPECT_THROW(corio::run(fetch_from_raw("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")), corio::http::ProtocolError);
  EXPECT_THROW(corio::run(fetch_from_raw("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n")), corio::http::ProtocolError);
}

TEST(Http, OversizedHeadersAreAProtocolError) {
  std::string huge = "HTTP/1.1 200 OK\r\nX-Big: " + std::string(100 * 1024, 'a') + "\r\n\r\n";
  EXPECT_THROW(corio::run(fetch_from_raw(huge)), corio::http::ProtocolError);
}

Task<void> slow_server_times_out() {
  auto server = corio::http::Server::bind("127.0.0.1", 0, services);
  auto serving = corio::create_task(server.serve());
  corio::http::Session session;
  try {
    co_await corio::wait_for(session.get(server.url("/slow")), 100ms);
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(session.idle_connections(), 0u);  // the interrupted connection was closed, not reused
  }
  auto after = co_await session.get(server.url("/recommend/1"));  // the session still works
  EXPECT_EQ(after.status, 200);
  co_await stop(serving);
}

TEST(Http, SlowServerAndWaitForTimeout) { corio::run(slow_server_times_out()); }

Task<void> http_refused() {
  std::uint16_t port;
  {
    auto listener = TcpListener::bind("127.0.0.1", 0);
    port = listener.port();
  }
  corio::http::Session session;
  try {
    co_await session.get("http://127.0.0.1:" + std::to_string(port) + "/");
    ADD_FAILURE() << "expected connection refused";
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code(), std::errc::connection_refused);
  }
}

TEST(Http, ConnectionRefused) { corio::run(http_refused()); }

Task<void> stale_keep_alive_is_retried() {
  auto listener = TcpListener::bind("127.0.0.1", 0);
  // Each connection: one keep-alive response, then the server closes it.
  auto server = corio::create_task(raw_server(listener, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 2));
  corio::http::Session session;
  const std::string url = "http://127.0.0.1:" + std::to_string(listener.port()) + "/";
  auto first = co_await session.get(url);
  co_await corio::sleep(20ms);  // the server has closed the idle connection by now
  auto second = co_await session.get(url);
  EXPECT_EQ(first.body, "ok");
  EXPECT_EQ(second.body, "ok");
  EXPECT_EQ(session.connections_opened(), 2u);
  co_await server;
}

TEST(Http, AStaleKeepAliveConnectionIsRetriedOnce) { corio::run(stale_keep_alive_is_retried()); }

Task<std::string> send_raw(std::uint16_t port, std::string bytes) {
  TcpStream stream = co_await TcpStream::connect("127.0.0.1", port);
  co_await stream.write_all(bytes);
  co_return co_await read_to_end(stream);
}

Task<void> server_rejects_bad_requests() {
  auto server = corio::http::Server::bind("127.0.0.1", 0, services);
  auto serving = corio::create_task(server.serve());
  std::string reply = co_await send_raw(server.port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 400");
  reply = co_await send_raw(server.port(), "GET /recommend/1 HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 200");
  co_await stop(serving);
}

TEST(Http, ServerAnswersMalformedRequestsWith400) { corio::run(server_rejects_bad_requests()); }

TEST(HttpParser, RejectsMalformedInputWithoutCrashing) {
  using corio::http::ProtocolError;
  EXPECT_THROW(corio::http::parse_response_head(""), ProtocolError);
  EXPECT_THROW(corio::http::parse_response_head("HTTP/2.0 200 OK"), ProtocolError);
  EXPECT_THROW(corio::http::parse_request_head("GET"), ProtocolError);
  EXPECT_THROW(corio::http::parse_request_head("GET / HTTP/1.1\r\nBad Name: x"), ProtocolError);
  corio::http::ChunkedDecoder decoder;
  std::string out;
  EXPECT_THROW(decoder.feed("zz\r\n", out), ProtocolError);
  corio::http::ChunkedDecoder huge(100);
  EXPECT_THROW(huge.feed("ffffffffffffffffff\r\n", out), ProtocolError);
  auto url = corio::http::Url::parse("http://example.com:8080/a?b=c");
  EXPECT_EQ(url.host, "example.com");
  EXPECT_EQ(url.port, 8080);
  EXPECT_EQ(url.target, "/a?b=c");
  EXPECT_THROW(corio::http::Url::parse("https://x/"), std::invalid_argument);
}

}  // namespace
