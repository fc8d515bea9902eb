// The reactor idiom: descriptors made non-blocking, then read and written
// after an awaited readiness event; EAGAIN is the protocol, nothing waits.
#include <cerrno>
#include <fcntl.h>
#include <minitask/minitask.hpp>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

mini::Task<void> readable(int fd);
mini::Task<void> writable(int fd);

mini::Task<void> echo(int listener) {
  ::fcntl(listener, F_SETFL, O_NONBLOCK);
  co_await readable(listener);
  int peer = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
  char buf[512];
  for (;;) {
    co_await readable(peer);
    long n = ::read(peer, buf, sizeof buf);
    if (n <= 0 && errno != EAGAIN)
      break;
    co_await writable(peer);
    ::write(peer, buf, n);
  }
}

mini::Task<int> dial(const sockaddr *addr, socklen_t len) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (::connect(fd, addr, len) < 0 && errno == EINPROGRESS)
    co_await writable(fd);
  co_return fd;
}

mini::Task<void> switched(int fd, int other) {
  int flags = ::fcntl(fd, F_GETFL, 0);
  ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  int on = 1;
  ::ioctl(other, FIONBIO, &on);
  char buf[64];
  co_await readable(fd);
  ::recv(fd, buf, sizeof buf, 0);
  ::recv(other, buf, sizeof buf, 0);
}

mini::Task<void> wakeups() {
  int efd = ::eventfd(0, EFD_NONBLOCK);
  unsigned long long count = 0;
  co_await readable(efd);
  ::read(efd, &count, sizeof count);
}

// MSG_DONTWAIT: this one call does not wait, whatever the descriptor.
mini::Task<void> peek(int fd) {
  char buf[16];
  co_await readable(fd);
  ::recv(fd, buf, sizeof buf, MSG_PEEK | MSG_DONTWAIT);
}

// Non-blocking on both paths.
mini::Task<void> both_paths(int a, int b, bool first) {
  int fd = first ? a : b;
  if (first)
    ::fcntl(fd, F_SETFL, O_NONBLOCK);
  else
    ::fcntl(fd, F_SETFL, O_NONBLOCK | O_APPEND);
  char buf[8];
  ::read(fd, buf, sizeof buf);
  co_return;
}

// A descriptor made elsewhere (a member, a parameter): the coroutine's own
// handling of EINPROGRESS or EAGAIN for the call is the non-blocking
// protocol, which a blocking descriptor never follows.
struct Connection {
  int fd_ = -1;
  mini::Task<bool> connect(const sockaddr *addr, socklen_t len) {
    int rc = ::connect(fd_, addr, len);
    if (rc == 0) {
      co_return true;
    } else if (rc == -1) {
      if (errno == EINPROGRESS || errno == EAGAIN) {
        co_await writable(fd_);
        co_return true;
      }
    }
    co_return false;
  }
};

mini::Task<long> read_some(int fd, char *buf, unsigned long n) {
  for (;;) {
    long got = ::read(fd, buf, n);
    if (got < 0 && errno == EWOULDBLOCK) {
      co_await readable(fd);
      continue;
    }
    co_return got;
  }
}
