// http::Session: an HTTP/1.1 client that reuses connections per host (aiohttp.ClientSession).
#pragma once

#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corio/io/http/connection.hpp"
#include "corio/io/http/message.hpp"
#include "corio/io/tcp.hpp"
#include "corio/task.hpp"

namespace corio::http {

struct Url {
  std::string host;
  std::uint16_t port = 80;
  std::string target = "/";

  // "http://host[:port][/path]" (plain HTTP only).
  static Url parse(std::string_view url) {
    constexpr std::string_view scheme = "http://";
    if (url.substr(0, scheme.size()) != scheme) throw std::invalid_argument("corio::http supports http:// URLs only");
    url.remove_prefix(scheme.size());
    const std::size_t slash = url.find('/');
    std::string_view authority = url.substr(0, slash);
    Url out;
    out.target = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
    std::string_view host = authority;
    if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
      host = authority.substr(0, colon);
      std::string_view port = authority.substr(colon + 1);
      unsigned value = 0;
      auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
      if (ec != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535) throw std::invalid_argument("bad port in URL");
      out.port = static_cast<std::uint16_t>(value);
    }
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) throw std::invalid_argument("URL without host");
    out.host = std::string(host);
    return out;
  }
};

struct SessionOptions {
  Limits limits;
  std::size_t max_idle_per_host = 16;
};

// One session shared by many concurrent requests: each request takes an idle keep-alive connection
// to its host or opens a new one, and gives it back when the response has been read completely.
// A request on a reused connection that the server had already closed is retried once on a fresh one.
class Session {
 public:
  explicit Session(SessionOptions options = {}) : options_(std::move(options)) {}

  Task<Response> get(std::string url) { return request(std::move(url), Request{}); }
  Task<Response> post(std::string url, std::string body, std::string content_type = "application/json") {
    Request r;
    r.method = "POST";
    r.body = std::move(body);
    r.headers.add("Content-Type", std::move(content_type));
    return request(std::move(url), std::move(r));
  }

  Task<Response> request(std::string url, Request request) {
    const Url u = Url::parse(url);
    request.target = u.target;
    const std::string key = u.host + ":" + std::to_string(u.port);
    const std::string host_header = u.port == 80 ? u.host : key;
    const std::string wire = serialize(request, host_header);

    for (int attempt = 0;; ++attempt) {
      std::optional<Connection> connection = take_idle(key);
      const bool reused = connection.has_value();
      if (!reused) {
        connection.emplace(co_await TcpStream::connect(u.host, u.port), options_.limits);
        ++connections_opened_;
      }
      bool retry = false;
      bool got_head = false;
      try {
        co_await connection->write(wire);
        std::optional<std::string> head = co_await connection->read_head();
        if (!head) throw std::system_error(make_error_code(io_errc::unexpected_eof), "server closed the connection without a response");
        got_head = true;
        Response response = parse_response_head(*head);
        const BodyFraming framing = response_framing(response, request.method);
        response.body = co_await connection->read_body(framing);
        const bool keep_alive = framing.kind != BodyFraming::kUntilClose &&
                                !response.headers.contains_token("Connection", "close") && connection->idle();
        if (keep_alive) give_back(key, std::move(*connection));
        co_return response;
      } catch (const std::system_error&) {
        // A stale keep-alive connection fails before any response arrives: retry once, fresh.
        if (!reused || got_head || attempt > 0) throw;
        retry = true;
      }
      if (!retry) break;
    }
    throw std::logic_error("unreachable");
  }

  // Closes the idle connections (the async context manager's exit).
  Task<void> aclose() {
    idle_.clear();
    co_return;
  }

  std::size_t connections_opened() const noexcept { return connections_opened_; }
  std::size_t idle_connections() const noexcept {
    std::size_t n = 0;
    for (const auto& [key, list] : idle_) n += list.size();
    return n;
  }

 private:
  std::optional<Connection> take_idle(const std::string& key) {
    auto it = idle_.find(key);
    if (it == idle_.end() || it->second.empty()) return std::nullopt;
    Connection c = std::move(it->second.back());
    it->second.pop_back();
    return c;
  }
  void give_back(const std::string& key, Connection c) {
    auto& list = idle_[key];
    if (list.size() < options_.max_idle_per_host) list.push_back(std::move(c));
  }

  SessionOptions options_;
  std::map<std::string, std::vector<Connection>> idle_;
  std::size_t connections_opened_ = 0;
};

}  // namespace corio::http
