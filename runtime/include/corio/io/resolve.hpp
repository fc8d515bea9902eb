// resolve(): host name to socket addresses without blocking the loop (getaddrinfo on the executor).
#pragma once

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

#include "corio/executor.hpp"
#include "corio/io/error.hpp"
#include "corio/task.hpp"

namespace corio {

struct SocketAddress {
  sockaddr_storage storage{};
  socklen_t length = 0;

  const sockaddr* get() const noexcept { return reinterpret_cast<const sockaddr*>(&storage); }
  int family() const noexcept { return storage.ss_family; }
};

// The addresses of `host` (a name, or a numeric IPv4/IPv6 address, which needs no lookup).
inline Task<std::vector<SocketAddress>> resolve(std::string host, std::uint16_t port);

// --- Implementation -----------------------------------------------------------------------------

namespace detail {

// Numeric addresses need no lookup.
inline bool parse_numeric(const std::string& host, std::uint16_t port, SocketAddress& out) {
  std::memset(&out.storage, 0, sizeof out.storage);
  auto* v4 = reinterpret_cast<sockaddr_in*>(&out.storage);
  if (::inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    out.length = sizeof(sockaddr_in);
    return true;
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&out.storage);
  if (::inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    out.length = sizeof(sockaddr_in6);
    return true;
  }
  return false;
}

// Blocking: only ever called on the executor.
inline std::vector<SocketAddress> lookup_blocking(const std::string& host, std::uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  const int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found);
  if (rc != 0) throw std::system_error(make_error_code(io_errc::bad_address), host + ": " + ::gai_strerror(rc));
  std::vector<SocketAddress> out;
  for (addrinfo* ai = found; ai != nullptr; ai = ai->ai_next) {
    SocketAddress a;
    std::memcpy(&a.storage, ai->ai_addr, ai->ai_addrlen);
    a.length = static_cast<socklen_t>(ai->ai_addrlen);
    out.push_back(a);
  }
  ::freeaddrinfo(found);
  return out;
}

}  // namespace detail

inline Task<std::vector<SocketAddress>> resolve(std::string host, std::uint16_t port) {
  SocketAddress numeric;
  if (detail::parse_numeric(host, port, numeric)) co_return std::vector<SocketAddress>{numeric};
  co_return co_await run_in_executor([host, port] { return detail::lookup_blocking(host, port); });
}

}  // namespace corio
