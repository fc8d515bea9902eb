#include "store.h"
#include <unistd.h>

namespace net {
int read_all(int fd, char *buf, int n) {
  int got = 0;
  while (got < n) {
    long r = ::read(fd, buf + got, n - got);
    if (r <= 0)
      break;
    got += r;
  }
  return got;
}
} // namespace net
