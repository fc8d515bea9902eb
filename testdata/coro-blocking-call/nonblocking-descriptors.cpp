// A hand-written reactor: I/O on a descriptor that is not known to be
// non-blocking, on every path, is reported, readiness wait or not.
#include <cerrno>
#include <fcntl.h>
#include <minitask/minitask.hpp>
#include <sys/socket.h>
#include <unistd.h>

mini::Task<void> readable(int fd); // awaits readiness in the reactor

// accept() hands back a blocking descriptor: the readiness wait does not
// make a large read, or a write, safe.
mini::Task<void> blocking_peer(int listener) {
  int peer = ::accept(listener, nullptr, nullptr); // expected-warning {{blocking call to 'accept' in coroutine 'blocking_peer'}}
  char buf[512];
  co_await readable(peer);
  ::read(peer, buf, sizeof buf); // expected-warning {{blocking call to 'read' in coroutine 'blocking_peer'}}
  ::send(peer, buf, sizeof buf, 0); // expected-warning {{blocking call to 'send' in coroutine 'blocking_peer'}}
}

// Made non-blocking on one path only.
mini::Task<void> one_path(int fd, bool fast) {
  if (fast)
    ::fcntl(fd, F_SETFL, O_NONBLOCK);
  char buf[64];
  co_await readable(fd);
  ::recv(fd, buf, sizeof buf, 0); // expected-warning {{blocking call to 'recv' in coroutine 'one_path'}}
}

// Switched back to blocking.
mini::Task<void> switched_back(int fd) {
  int flags = ::fcntl(fd, F_GETFL, 0);
  ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  char buf[64];
  co_await readable(fd);
  ::read(fd, buf, sizeof buf); // expected-warning {{blocking call to 'read' in coroutine 'switched_back'}}
}

// Re-assigned from a plain accept.
mini::Task<void> reassigned(int listener) {
  ::fcntl(listener, F_SETFL, O_NONBLOCK);
  co_await readable(listener);
  int c = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK);
  char buf[64];
  ::read(c, buf, sizeof buf);
  ::fcntl(listener, F_SETFL, 0);
  c = ::accept(listener, nullptr, nullptr); // expected-warning {{blocking call to 'accept' in coroutine 'reassigned'}}
  ::read(c, buf, sizeof buf); // expected-warning {{blocking call to 'read' in coroutine 'reassigned'}}
}

// O_NONBLOCK means nothing to a regular file: the read waits for the disk.
mini::Task<void> regular_file() {
  int fd = ::open("/var/log/app.log", O_RDONLY | O_NONBLOCK); // expected-warning {{blocking call to 'open' in coroutine 'regular_file'}}
  char buf[64];
  ::read(fd, buf, sizeof buf); // expected-warning {{blocking call to 'read' in coroutine 'regular_file'}}
  co_return;
}

// Handling EAGAIN for one call says nothing of another.
mini::Task<void> other_call(int fd, int file) {
  char buf[64];
  long size = ::read(file, buf, sizeof buf); // expected-warning {{blocking call to 'read' in coroutine 'other_call'}}
  long n = ::recv(fd, buf, sizeof buf, 0);
  if (n < 0 && errno == EAGAIN)
    co_await readable(fd);
  (void)size;
}

// A descriptor the coroutine makes blocking itself stays reported, EAGAIN
// handled or not.
mini::Task<void> own_blocking_peer(int listener) {
  int peer = ::accept(listener, nullptr, nullptr); // expected-warning {{blocking call to 'accept' in coroutine 'own_blocking_peer'}}
  char buf[64];
  co_await readable(peer);
  long n = ::read(peer, buf, sizeof buf); // expected-warning {{blocking call to 'read' in coroutine 'own_blocking_peer'}}
  if (n < 0 && errno == EAGAIN)
    co_return;
}
