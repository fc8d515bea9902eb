#include "store.h"
#include <sys/socket.h>

// Same name as routes.cpp's helper; this one blocks.
static int helper(int fd) {
  char buf[64];
  return ::recv(fd, buf, sizeof buf, 0);
}

namespace store {
Profile load_profile(int user) {
  Profile p;
  p.id = ::recv(user, nullptr, 0, 0);
  return p;
}
int cached_count(int user) { return helper(user); }
} // namespace store
