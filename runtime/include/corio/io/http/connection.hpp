// An HTTP/1.1 connection: a TcpStream plus the bytes read past the current message.
#pragma once

#include <string>
#include <utility>

#include "corio/io/error.hpp"
#include "corio/io/http/message.hpp"
#include "corio/io/tcp.hpp"

namespace corio::http {

class Connection {
 public:
  explicit Connection(TcpStream stream, Limits limits = {}) : stream_(std::move(stream)), limits_(limits) {}

  TcpStream& stream() noexcept { return stream_; }
  bool is_open() const noexcept { return stream_.is_open(); }
  // True when no byte of a next message has arrived yet (a reused connection starts clean).
  bool idle() const noexcept { return buffer_.empty(); }

  // The head of the next message, without its final empty line. An empty optional when the peer
  // closed the connection cleanly before sending anything.
  Task<std::optional<std::string>> read_head() {
    std::size_t scanned = 0;
    for (;;) {
      const std::size_t end = buffer_.find("\r\n\r\n", scanned);
      if (end != std::string::npos) {
        std::string head = buffer_.substr(0, end);
        buffer_.erase(0, end + 4);
        co_return head;
      }
      if (buffer_.size() > limits_.max_head_bytes) throw ProtocolError("message head too large");
      scanned = buffer_.size() >= 3 ? buffer_.size() - 3 : 0;
      if (co_await fill() == 0) {
        if (buffer_.empty()) co_return std::nullopt;
        throw std::system_error(make_error_code(io_errc::unexpected_eof), "connection closed inside a message head");
      }
    }
  }

  Task<std::string> read_body(BodyFraming framing) {
    std::string body;
    switch (framing.kind) {
      case BodyFraming::kNone:
        break;
      case BodyFraming::kLength:
        if (framing.length > limits_.max_body_bytes) throw ProtocolError("body too large");
        while (buffer_.size() < framing.length) {
          if (co_await fill() == 0) {
            throw std::system_error(make_error_code(io_errc::unexpected_eof), "connection closed inside a body");
          }
        }
        body = buffer_.substr(0, framing.length);
        buffer_.erase(0, framing.length);
        break;
      case BodyFraming::kChunked: {
        ChunkedDecoder decoder(limits_.max_body_bytes);
        for (;;) {
          buffer_.erase(0, decoder.feed(buffer_, body));
          if (decoder.done()) break;
          if (co_await fill() == 0) {
            throw std::system_error(make_error_code(io_errc::unexpected_eof), "connection closed inside a chunked body");
          }
        }
        break;
      }
      case BodyFraming::kUntilClose:
        while (co_await fill() != 0) {
          if (buffer_.size() > limits_.max_body_bytes) throw ProtocolError("body too large");
        }
        body = std::move(buffer_);
        buffer_.clear();
        break;
    }
    co_return body;
  }

  Task<void> write(std::string_view bytes) { co_await stream_.write_all(bytes); }

  void close() noexcept { stream_.close(); }

 private:
  Task<std::size_t> fill() {
    char chunk[16 * 1024];
    const std::size_t n = co_await stream_.read_some(chunk);
    buffer_.append(chunk, n);
    co_return n;
  }

  TcpStream stream_;
  std::string buffer_;
  Limits limits_;
};

inline std::string serialize(const Request& r, std::string_view host) {
  std::string out = r.method + " " + r.target + " HTTP/1.1\r\nHost: " + std::string(host) + "\r\n";
  for (const auto& [n, v] : r.headers.fields()) out += n + ": " + v + "\r\n";
  if (!r.headers.get("Content-Length") && (!r.body.empty() || r.method == "POST" || r.method == "PUT")) {
    out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  }
  out += "\r\n";
  out += r.body;
  return out;
}

inline std::string serialize(const Response& r, bool keep_alive) {
  std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + (r.reason.empty() ? reason_phrase(r.status) : r.reason) + "\r\n";
  for (const auto& [n, v] : r.headers.fields()) out += n + ": " + v + "\r\n";
  if (!r.headers.get("Content-Length") && !r.headers.get("Transfer-Encoding")) {
    out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  }
  if (!keep_alive) out += "Connection: close\r\n";
  out += "\r\n";
  out += r.body;
  return out;
}

}  // namespace corio::http
