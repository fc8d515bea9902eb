// Socket set-up calls that do not wait, and a plain networking helper.
#include <minitask/minitask.hpp>
#include <fcntl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

mini::Task<int> setup() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  listen(fd, 16);
  co_return fd;
}

// Blocking network code in a plain function that no coroutine calls: fine.
int fetch_blocking(int fd, char *buf) {
  return static_cast<int>(recv(fd, buf, 16, 0));
}

// A class with its own connect/send members (an async client, say).
struct Client {
  void connect(const char *host);
  void send(const char *data);
};
mini::Task<void> own_client(Client &c) {
  c.connect("example.org");
  c.send("ping");
  co_return;
}
