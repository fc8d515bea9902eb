// HTTP/1.1 messages and their parsing: pure functions over bytes, so they can be fuzzed alone.
#pragma once

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corio::http {

// Malformed or oversized input from the network. Never a crash or a hang.
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Limits {
  std::size_t max_head_bytes = 64 * 1024;          // request/status line plus headers
  std::size_t max_body_bytes = 64 * 1024 * 1024;
};

class Headers {
 public:
  void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
  // The first value of `name` (case-insensitive), if any.
  std::optional<std::string_view> get(std::string_view name) const {
    for (const auto& [n, v] : fields_) {
      if (iequals(n, name)) return std::string_view(v);
    }
    return std::nullopt;
  }
  bool contains_token(std::string_view name, std::string_view token) const {
    for (const auto& [n, v] : fields_) {
      if (!iequals(n, name)) continue;
      std::string_view rest = v;
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        if (iequals(trim(rest.substr(0, comma)), token)) return true;
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    }
    return false;
  }
  const std::vector<std::pair<std::string, std::string>>& fields() const noexcept { return fields_; }

  static bool iequals(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
  }
  static std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct Request {
  std::string method = "GET";
  std::string target = "/";
  Headers headers;
  std::string body;
};

struct Response {
  int status = 200;
  std::string reason = "OK";
  Headers headers;
  std::string body;

  std::optional<std::string_view> header(std::string_view name) const { return headers.get(name); }
};

// How the body of a message is delimited.
struct BodyFraming {
  enum Kind { kNone, kLength, kChunked, kUntilClose } kind = kNone;
  std::size_t length = 0;
};

// Parses a status line and headers (the head without its final empty line).
inline Response parse_response_head(std::string_view head);

// Parses a request line and headers.
inline Request parse_request_head(std::string_view head);

// Body framing of a response (RFC 9112 section 6.3) to a request with `method`.
inline BodyFraming response_framing(const Response& r, std::string_view method = "GET");

// Body framing of a request.
inline BodyFraming request_framing(const Request& r);

// The standard reason phrase of a status code ("" for codes without one here).
inline const char* reason_phrase(int status);

// Incremental decoder of a chunked body: feed() bytes as they arrive; it consumes what it can and
// appends the payload to `out`.
class ChunkedDecoder {
 public:
  explicit ChunkedDecoder(std::size_t max_body = Limits{}.max_body_bytes) noexcept : max_body_(max_body) {}

  // Returns how many bytes of `in` were consumed (the rest is an incomplete line, or beyond the end).
  std::size_t feed(std::string_view in, std::string& out) {
    std::size_t used = 0;
    while (state_ != kDone && used < in.size()) {
      std::string_view rest = in.substr(used);
      if (state_ == kData) {
        const std::size_t n = std::min(rest.size(), remaining_);
        out.append(rest.substr(0, n));
        used += n;
        remaining_ -= n;
        if (remaining_ == 0) state_ = kDataEnd;
        continue;
      }
      const std::size_t eol = rest.find("\r\n");
      if (eol == std::string_view::npos) {
        if (rest.size() > kMaxLine) throw ProtocolError("chunk line too long");
        break;
      }
      std::string_view line = rest.substr(0, eol);
      used += eol + 2;
      if (state_ == kSize) {
        line = line.substr(0, line.find(';'));  // chunk extensions are ignored
        line = Headers::trim(line);
        std::size_t size = 0;
        auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
        if (line.empty() || ec != std::errc{} || end != line.data() + line.size()) throw ProtocolError("bad chunk size");
        if (size > max_body_ - std::min(max_body_, out.size())) throw ProtocolError("body too large");
        remaining_ = size;
        state_ = size == 0 ? kTrailer : kData;
      } else if (state_ == kDataEnd) {
        if (!line.empty()) throw ProtocolError("missing CRLF after chunk");
        state_ = kSize;
      } else {  // kTrailer: header lines until an empty one
        if (line.empty()) state_ = kDone;
      }
    }
    return used;
  }
  bool done() const noexcept { return state_ == kDone; }

 private:
  static constexpr std::size_t kMaxLine = 4096;
  enum State { kSize, kData, kDataEnd, kTrailer, kDone } state_ = kSize;
  std::size_t remaining_ = 0;
  std::size_t max_body_;
};

// --- Implementation -----------------------------------------------------------------------------

namespace detail {

inline bool is_token_char(char c) noexcept {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// Splits "name: value" lines after the first line; rejects what HTTP/1.1 forbids.
inline Headers parse_header_lines(std::string_view lines) {
  Headers headers;
  while (!lines.empty()) {
    std::size_t eol = lines.find("\r\n");
    std::string_view line = lines.substr(0, eol);
    lines = eol == std::string_view::npos ? std::string_view{} : lines.substr(eol + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) throw ProtocolError("malformed header line");
    std::string_view name = line.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), is_token_char)) throw ProtocolError("invalid header name");
    std::string_view value = Headers::trim(line.substr(colon + 1));
    if (value.find_first_of("\r\n") != std::string_view::npos) throw ProtocolError("invalid header value");
    headers.add(std::string(name), std::string(value));
  }
  return headers;
}

inline std::size_t parse_decimal(std::string_view digits, const char* what) {
  std::size_t value = 0;
  if (digits.empty()) throw ProtocolError(what);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size()) throw ProtocolError(what);
  return value;
}

inline std::string_view first_line(std::string_view head, std::string_view& rest) {
  const std::size_t eol = head.find("\r\n");
  rest = eol == std::string_view::npos ? std::string_view{} : head.substr(eol + 2);
  return head.substr(0, eol);
}

}  // namespace detail

inline Response parse_response_head(std::string_view head) {
  std::string_view rest;
  std::string_view line = detail::first_line(head, rest);
  if (line.size() < 12 || line.substr(0, 5) != "HTTP/" || line[8] != ' ') throw ProtocolError("malformed status line");
  if (line.substr(5, 3) != "1.1" && line.substr(5, 3) != "1.0") throw ProtocolError("unsupported HTTP version");
  const std::size_t status = detail::parse_decimal(line.substr(9, 3), "malformed status code");
  if (status < 100 || status > 999 || (line.size() > 12 && line[12] != ' ')) throw ProtocolError("malformed status code");
  Response response;
  response.status = static_cast<int>(status);
  response.reason = line.size() > 13 ? std::string(line.substr(13)) : std::string();
  response.headers = detail::parse_header_lines(rest);
  return response;
}

inline Request parse_request_head(std::string_view head) {
  std::string_view rest;
  std::string_view line = detail::first_line(head, rest);
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || sp1 == 0 || sp2 == sp1 + 1) throw ProtocolError("malformed request line");
  std::string_view method = line.substr(0, sp1);
  if (!std::all_of(method.begin(), method.end(), detail::is_token_char)) throw ProtocolError("invalid method");
  std::string_view version = line.substr(sp2 + 1);
  if (version != "HTTP/1.1" && version != "HTTP/1.0") throw ProtocolError("unsupported HTTP version");
  Request request;
  request.method = std::string(method);
  request.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  request.headers = detail::parse_header_lines(rest);
  return request;
}

inline BodyFraming response_framing(const Response& r, std::string_view method) {
  if (method == "HEAD" || r.status / 100 == 1 || r.status == 204 || r.status == 304) return {};
  if (r.headers.get("Transfer-Encoding")) {
    if (!r.headers.contains_token("Transfer-Encoding", "chunked")) throw ProtocolError("unsupported transfer encoding");
    return {BodyFraming::kChunked, 0};
  }
  if (auto length = r.headers.get("Content-Length")) return {BodyFraming::kLength, detail::parse_decimal(*length, "bad Content-Length")};
  return {BodyFraming::kUntilClose, 0};
}

inline BodyFraming request_framing(const Request& r) {
  if (r.headers.get("Transfer-Encoding")) {
    if (!r.headers.contains_token("Transfer-Encoding", "chunked")) throw ProtocolError("unsupported transfer encoding");
    return {BodyFraming::kChunked, 0};
  }
  if (auto length = r.headers.get("Content-Length")) return {BodyFraming::kLength, detail::parse_decimal(*length, "bad Content-Length")};
  return {};
}

inline const char* reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "";
  }
}

}  // namespace corio::http
