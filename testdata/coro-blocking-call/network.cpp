// Blocking sockets and name resolution.
#include <minitask/minitask.hpp>
#include <netdb.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>

mini::Task<int> raw_socket(int fd, sockaddr *addr, socklen_t len, char *buf) {
  connect(fd, addr, len); // expected-warning {{blocking call to 'connect' in coroutine 'raw_socket'}}
  int client = accept(fd, nullptr, nullptr); // expected-warning {{blocking call to 'accept'}}
  client = accept4(fd, nullptr, nullptr, 0); // expected-warning {{blocking call to 'accept4'}}
  long n = recv(client, buf, 16, 0); // expected-warning {{blocking call to 'recv'}}
  n += recvfrom(client, buf, 16, 0, nullptr, nullptr); // expected-warning {{blocking call to 'recvfrom'}}
  msghdr msg{};
  n += recvmsg(client, &msg, 0); // expected-warning {{blocking call to 'recvmsg'}}
  n += send(client, buf, 16, 0); // expected-warning {{blocking call to 'send'}}
  n += sendto(client, buf, 16, 0, addr, len); // expected-warning {{blocking call to 'sendto'}}
  n += sendmsg(client, &msg, 0); // expected-warning {{blocking call to 'sendmsg'}}
  co_return static_cast<int>(n);
}

mini::Task<int> multiplexing(int fd) {
  fd_set set;
  FD_ZERO(&set);
  int r = select(fd + 1, &set, nullptr, nullptr, nullptr); // expected-warning {{blocking call to 'select'}}
  pollfd p{fd, POLLIN, 0};
  r += poll(&p, 1, -1); // expected-warning {{blocking call to 'poll'}}
  epoll_event events[4];
  r += epoll_wait(fd, events, 4, -1); // expected-warning {{blocking call to 'epoll_wait'}}
  co_return r;
}

mini::Task<void> resolve(const char *host) {
  addrinfo *res = nullptr;
  getaddrinfo(host, "80", nullptr, &res); // expected-warning {{blocking call to 'getaddrinfo' in coroutine 'resolve'}}
  hostent *h = gethostbyname(host); // expected-warning {{blocking call to 'gethostbyname'}}
  (void)h;
  freeaddrinfo(res);
  co_return;
}
