// TcpStream and TcpListener: non-blocking TCP on the event loop.
#pragma once

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "corio/io/detail/socket.hpp"
#include "corio/io/error.hpp"
#include "corio/io/resolve.hpp"
#include "corio/task.hpp"

namespace corio {

// A connected TCP socket. Errors are std::system_error carrying the std::error_code (errno values,
// or corio::io_errc::unexpected_eof). Cancelling an operation (wait_for, task cancel) abandons it
// cleanly: nothing of it is left registered, and the stream stays usable or can be closed.
// One read and one write may be in flight at a time. Closed by its destructor, or aclose().
class TcpStream {
 public:
  TcpStream() = default;

  // Resolves `host` (on the executor unless numeric) and connects to the first address that
  // accepts. Bound it with wait_for for a connect timeout.
  static Task<TcpStream> connect(std::string host, std::uint16_t port) {
    std::vector<SocketAddress> addresses = co_await resolve(host, port);
    std::error_code last = make_error_code(io_errc::bad_address);
    for (const SocketAddress& address : addresses) {
      const int fd = ::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      if (fd < 0) detail::throw_errno("socket");
      auto socket = std::make_unique<detail::Socket>(fd);
      if (detail::nonblocking_connect(fd, address.get(), address.length) != 0) {
        if (errno != EINPROGRESS) {
          last = std::error_code(errno, std::system_category());
          continue;
        }
        co_await socket->writable();
        int error = 0;
        socklen_t len = sizeof error;
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len);
        if (error != 0) {
          last = std::error_code(error, std::system_category());
          continue;
        }
      }
      TcpStream stream(std::move(socket));
      stream.set_no_delay(true);
      co_return stream;
    }
    throw std::system_error(last, "connect to " + host + ":" + std::to_string(port));
  }

  bool is_open() const noexcept { return socket_ != nullptr; }
  int native_handle() const noexcept { return socket_ ? socket_->fd() : -1; }

  // Reads what is available (at least one byte); 0 means the peer closed its side.
  Task<std::size_t> read_some(std::span<char> buffer) {
    for (;;) {
      const ssize_t n = detail::nonblocking_recv(fd(), buffer.data(), buffer.size());
      if (n >= 0) co_return static_cast<std::size_t>(n);
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        co_await socket_->readable();
      } else if (errno != EINTR) {
        detail::throw_errno("recv");
      }
    }
  }

  // Fills the whole buffer; the peer closing first is io_errc::unexpected_eof.
  Task<void> read_exact(std::span<char> buffer) {
    std::size_t done = 0;
    while (done < buffer.size()) {
      const std::size_t n = co_await read_some(buffer.subspan(done));
      if (n == 0) throw std::system_error(make_error_code(io_errc::unexpected_eof), "read_exact");
      done += n;
    }
  }

  Task<void> write_all(std::string_view data) {
    std::size_t done = 0;
    while (done < data.size()) {
      const ssize_t n = detail::nonblocking_send(fd(), data.data() + done, data.size() - done);
      if (n >= 0) {
        done += static_cast<std::size_t>(n);
      } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
        co_await socket_->writable();
      } else if (errno != EINTR) {
        detail::throw_errno("send");
      }
    }
  }

  // Half-close: no more writes from this side; the peer reads end-of-stream, and can still answer.
  void shutdown_write() {
    if (::shutdown(fd(), SHUT_WR) != 0) detail::throw_errno("shutdown");
  }

  void close() noexcept { socket_.reset(); }
  Task<void> aclose() {  // for corio::with and Pool
    close();
    co_return;
  }

  void set_no_delay(bool on) {
    const int flag = on ? 1 : 0;
    ::setsockopt(fd(), IPPROTO_TCP, TCP_NODELAY, &flag, sizeof flag);
  }

 private:
  friend class TcpListener;
  explicit TcpStream(std::unique_ptr<detail::Socket> socket) noexcept : socket_(std::move(socket)) {}
  int fd() const {
    if (!socket_) throw std::system_error(std::make_error_code(std::errc::bad_file_descriptor), "closed TcpStream");
    return socket_->fd();
  }

  std::unique_ptr<detail::Socket> socket_;
};

// A listening TCP socket. Port 0 picks an ephemeral port; port() tells which.
class TcpListener {
 public:
  // Binds a numeric address ("127.0.0.1", "::1", "0.0.0.0"); does not block.
  static TcpListener bind(const std::string& host, std::uint16_t port, int backlog = 1024) {
    SocketAddress address;
    if (!detail::parse_numeric(host, port, address)) {
      throw std::system_error(make_error_code(io_errc::bad_address), "TcpListener::bind needs a numeric address: " + host);
    }
    const int fd = ::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) detail::throw_errno("socket");
    auto socket = std::make_unique<detail::Socket>(fd);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, address.get(), address.length) != 0) detail::throw_errno("bind");
    if (::listen(fd, backlog) != 0) detail::throw_errno("listen");
    return TcpListener(std::move(socket));
  }

  std::uint16_t port() const {
    sockaddr_storage storage{};
    socklen_t len = sizeof storage;
    ::getsockname(socket_->fd(), reinterpret_cast<sockaddr*>(&storage), &len);
    if (storage.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&storage)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in*>(&storage)->sin_port);
  }

  // Waits for the next connection.
  Task<TcpStream> accept() {
    for (;;) {
      const int fd = detail::nonblocking_accept(socket_->fd());
      if (fd >= 0) {
        TcpStream stream(std::make_unique<detail::Socket>(fd));
        stream.set_no_delay(true);
        co_return stream;
      }
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        co_await socket_->readable();
      } else if (errno != EINTR && errno != ECONNABORTED) {
        detail::throw_errno("accept");
      }
    }
  }

  void close() noexcept { socket_.reset(); }
  Task<void> aclose() {
    close();
    co_return;
  }

 private:
  explicit TcpListener(std::unique_ptr<detail::Socket> socket) noexcept : socket_(std::move(socket)) {}
  std::unique_ptr<detail::Socket> socket_;
};

}  // namespace corio
