// A non-blocking file descriptor registered with the loop's epoll instance.
#pragma once

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <utility>

#include "corio/detail/leaf_wait.hpp"
#include "corio/detail/reactor.hpp"
#include "corio/event_loop.hpp"

// coro-blocking-call flags connect/recv/send/accept in coroutines: they block
// on an ordinary socket. corio's sockets are O_NONBLOCK (these calls return
// EAGAIN and the caller awaits readiness), so corio calls them through these
// wrappers, annotated as non-blocking: the annotation is the check's
// documented way for a runtime to vouch for its own I/O.
#if defined(__clang__)
#define CORIO_NONBLOCKING [[clang::annotate("coro::nonblocking")]]
#else
#define CORIO_NONBLOCKING
#endif

namespace corio::detail {

CORIO_NONBLOCKING inline int nonblocking_connect(int fd, const sockaddr* address, socklen_t length) noexcept {
  return ::connect(fd, address, length);
}
CORIO_NONBLOCKING inline ssize_t nonblocking_recv(int fd, void* buffer, size_t size) noexcept {
  return ::recv(fd, buffer, size, 0);
}
CORIO_NONBLOCKING inline ssize_t nonblocking_send(int fd, const void* data, size_t size) noexcept {
  return ::send(fd, data, size, MSG_NOSIGNAL);
}
CORIO_NONBLOCKING inline int nonblocking_accept(int fd) noexcept {
  return ::accept4(fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

// Owns the descriptor. Registered once, edge-triggered, for both directions: an operation tries its
// syscall first and, on EAGAIN, waits for the next edge (new data or buffer space always makes one).
// At most one reader and one writer wait at a time.
class Socket final : public IoSource {
 public:
  explicit Socket(int fd) : fd_(fd), loop_(&current_loop()) {
    try {
      loop_->watch_fd(fd_, *this, EPOLLIN | EPOLLOUT | EPOLLRDHUP);
    } catch (...) {
      ::close(fd_);
      throw;
    }
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  ~Socket() {
    loop_->unwatch_fd(fd_);
    ::close(fd_);
  }

  int fd() const noexcept { return fd_; }

  class [[nodiscard]] ReadinessAwaiter final : public LeafWait {
   public:
    ReadinessAwaiter(Socket& socket, ReadinessAwaiter* Socket::*slot) noexcept : socket_(socket), slot_(slot) {}
    ~ReadinessAwaiter() { leave(); }

    bool await_ready() const noexcept { return false; }
    template <class Promise>
    bool await_suspend(std::coroutine_handle<Promise> h) {
      if (!begin(h)) return false;
      if (socket_.*slot_ != nullptr) throw std::logic_error("corio: two concurrent reads (or writes) on one socket");
      socket_.*slot_ = this;
      socket_.loop_->add_io_waiter();
      watch();
      return true;
    }
    void await_resume() {
      unwatch();
      throw_if_cancelled();
    }

    void ready() {
      leave();
      wake(*socket_.loop_);
    }
    void interrupt() noexcept override {
      leave();
      wake_cancelled(*socket_.loop_);
    }

   private:
    void leave() noexcept {
      if (socket_.*slot_ == this) {
        socket_.*slot_ = nullptr;
        socket_.loop_->remove_io_waiter();
      }
    }
    Socket& socket_;
    ReadinessAwaiter* Socket::*slot_;
  };

  ReadinessAwaiter readable() noexcept { return ReadinessAwaiter(*this, &Socket::reader_); }
  ReadinessAwaiter writable() noexcept { return ReadinessAwaiter(*this, &Socket::writer_); }

  void on_io(std::uint32_t events) noexcept override {
    constexpr std::uint32_t kFailure = EPOLLHUP | EPOLLERR;
    if ((events & (EPOLLIN | EPOLLRDHUP | kFailure)) && reader_ != nullptr) reader_->ready();
    if ((events & (EPOLLOUT | kFailure)) && writer_ != nullptr) writer_->ready();
  }

 private:
  int fd_;
  LoopCore* loop_;
  ReadinessAwaiter* reader_ = nullptr;
  ReadinessAwaiter* writer_ = nullptr;
};

[[noreturn]] inline void throw_errno(const char* what) { throw std::system_error(errno, std::system_category(), what); }

}  // namespace corio::detail
