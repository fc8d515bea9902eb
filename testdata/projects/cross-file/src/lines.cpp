#include "lines.h"
#include <unistd.h>

Lines read_bytes(int fd) {
  char c;
  while (::read(fd, &c, 1) > 0)
    co_yield c;
}

Lines numbers(int n) {
  for (int i = 0; i < n; ++i)
    co_yield i;
}
