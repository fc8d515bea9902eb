// http::Server: a small HTTP/1.1 server for tests and examples (keep-alive, Content-Length bodies).
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <list>
#include <string>
#include <utility>

#include "corio/io/http/connection.hpp"
#include "corio/io/http/message.hpp"
#include "corio/io/tcp.hpp"
#include "corio/task.hpp"
#include "corio/task_handle.hpp"

namespace corio::http {

using Handler = std::function<Task<Response>(Request)>;

// `co_await server.serve()` accepts connections until cancelled, then cancels and awaits the
// connection tasks, so none outlives it. A handler's exception becomes a 500 response, malformed
// requests a 400 and the connection is closed.
class Server {
 public:
  static Server bind(const std::string& host, std::uint16_t port, Handler handler, Limits limits = {}) {
    return Server(TcpListener::bind(host, port), std::move(handler), limits);
  }

  std::uint16_t port() const { return listener_.port(); }
  std::string url(std::string_view path = "/") const { return "http://127.0.0.1:" + std::to_string(port()) + std::string(path); }

  Task<void> serve() {
    std::list<TaskHandle<void>> connections;
    std::exception_ptr error;
    try {
      for (;;) {
        TcpStream stream = co_await listener_.accept();
        connections.remove_if([](const TaskHandle<void>& c) { return c.done(); });
        connections.push_back(create_task(handle_connection(std::move(stream))));
      }
    } catch (...) {
      error = std::current_exception();  // cancellation, usually
    }
    for (auto& c : connections) c.cancel();
    for (auto& c : connections) {
      try {
        co_await c;
      } catch (...) {
        // the connection's end is not the server's failure
      }
    }
    std::rethrow_exception(error);
  }

 private:
  Server(TcpListener listener, Handler handler, Limits limits)
      : listener_(std::move(listener)), handler_(std::move(handler)), limits_(limits) {}

  Task<void> handle_connection(TcpStream stream) {
    Connection connection(std::move(stream), limits_);
    try {
      for (;;) {
        std::optional<std::string> head = co_await connection.read_head();
        if (!head) break;
        Request request;
        bool bad = false;
        try {
          request = parse_request_head(*head);
          request.body = co_await connection.read_body(request_framing(request));
        } catch (const ProtocolError&) {
          bad = true;
        }
        if (bad) {
          Response r;
          r.status = 400;
          co_await connection.write(serialize(r, false));
          break;
        }
        const bool keep_alive = !request.headers.contains_token("Connection", "close");
        Response response;
        try {
          response = co_await handler_(std::move(request));
        } catch (const std::exception& e) {
          response = Response{};
          response.status = 500;
          response.body = e.what();
        }
        co_await connection.write(serialize(response, keep_alive));
        if (!keep_alive) break;
      }
    } catch (const std::system_error&) {
      // the client went away
    }
  }

  TcpListener listener_;
  Handler handler_;
  Limits limits_;
};

}  // namespace corio::http
