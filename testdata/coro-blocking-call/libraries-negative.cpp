// Non-blocking calls of the same libraries, and a C++ function that shares
// a library function's name without being it.
#include <minitask/minitask.hpp>

extern "C" {
typedef struct CURL CURL;
CURL *curl_easy_init(void);
typedef struct sqlite3_stmt sqlite3_stmt;
int sqlite3_column_int(sqlite3_stmt *, int);
}

namespace mock {
int sqlite3_step(sqlite3_stmt *); // A test double in a namespace.
}

mini::Task<int> cheap(sqlite3_stmt *stmt) {
  CURL *c = curl_easy_init();
  (void)c;
  int v = sqlite3_column_int(stmt, 0);
  v += mock::sqlite3_step(stmt);
  co_return v;
}
