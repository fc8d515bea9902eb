#include "store.h"

namespace db {
int query(const char *sql) {
  char reply[128];
  (void)sql;
  return net::read_all(3, reply, sizeof reply);
}
} // namespace db
