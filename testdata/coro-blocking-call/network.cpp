// Blocking sockets and name resolution.
#include <minitask/minitask.hpp>
#include <netdb.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>

mini::Task<int> raw_socket(int fd, sockaddr *addr, socklen_t len, char *buf) {
  connect(fd, addr, len); // expected-warning {{'connect' blocks the event loop inside coroutine 'raw_socket'; await an asynchronous alternative or move the call to an executor}}
  int client = accept(fd, nullptr, nullptr); // expected-warning {{'accept' blocks}}
  client = accept4(fd, nullptr, nullptr, 0); // expected-warning {{'accept4' blocks}}
  long n = recv(client, buf, 16, 0); // expected-warning {{'recv' blocks}}
  n += recvfrom(client, buf, 16, 0, nullptr, nullptr); // expected-warning {{'recvfrom' blocks}}
  msghdr msg{};
  n += recvmsg(client, &msg, 0); // expected-warning {{'recvmsg' blocks}}
  n += send(client, buf, 16, 0); // expected-warning {{'send' blocks}}
  n += sendto(client, buf, 16, 0, addr, len); // expected-warning {{'sendto' blocks}}
  n += sendmsg(client, &msg, 0); // expected-warning {{'sendmsg' blocks}}
  co_return static_cast<int>(n);
}

mini::Task<int> multiplexing(int fd) {
  fd_set set;
  FD_ZERO(&set);
  int r = select(fd + 1, &set, nullptr, nullptr, nullptr); // expected-warning {{'select' blocks}}
  pollfd p{fd, POLLIN, 0};
  r += poll(&p, 1, -1); // expected-warning {{'poll' blocks}}
  epoll_event events[4];
  r += epoll_wait(fd, events, 4, -1); // expected-warning {{'epoll_wait' blocks}}
  co_return r;
}

mini::Task<void> resolve(const char *host) {
  addrinfo *res = nullptr;
  getaddrinfo(host, "80", nullptr, &res); // expected-warning {{'getaddrinfo' blocks the event loop inside coroutine 'resolve'}}
  hostent *h = gethostbyname(host); // expected-warning {{'gethostbyname' blocks}}
  (void)h;
  freeaddrinfo(res);
  co_return;
}
