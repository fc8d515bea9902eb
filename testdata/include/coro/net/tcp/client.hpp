// Stand-in for libcoro's <coro/net/tcp/client.hpp> and server.hpp (coro-tidy
// testdata): the real qualified names and signature shapes; bodies written
// for the tests. libcoro's constructors make every socket non-blocking, so
// recv/send/accept_now return try_again instead of waiting.
#pragma once
#include <coro/task.hpp>
#include <cstddef>
#include <span>
#include <sys/socket.h>
#include <utility>

namespace coro {
enum class poll_op { read, write, read_write };
enum class poll_status { event, timeout, error, closed };
namespace net {
struct io_status {
  int native_code;
  bool try_again() const { return native_code == 11; }
};
class socket {
public:
  int native_handle() const { return m_fd; }

private:
  int m_fd = -1;
};
namespace tcp {
class client {
public:
  auto poll(poll_op op) -> coro::task<poll_status>;
  template <typename buffer_type>
  auto recv(buffer_type &&buffer)
      -> std::pair<io_status, std::span<char>> {
    auto n = ::recv(m_socket.native_handle(), buffer.data(), buffer.size(), 0);
    return {io_status{n < 0 ? 11 : 0}, {}};
  }
  template <typename buffer_type>
  auto send(const buffer_type &buffer) -> std::pair<io_status, std::span<const char>> {
    auto n = ::send(m_socket.native_handle(), buffer.data(), buffer.size(), 0);
    return {io_status{n < 0 ? 11 : 0}, {}};
  }

private:
  net::socket m_socket;
};
class server {
public:
  auto poll() -> coro::task<poll_status>;
  auto accept_now() -> client {
    ::accept(m_accept_socket.native_handle(), nullptr, nullptr);
    return client{};
  }

private:
  net::socket m_accept_socket;
};
} // namespace tcp
} // namespace net
} // namespace coro
