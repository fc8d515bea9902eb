// Blocking client libraries, matched by name: no header is needed, only
// their C declarations.
#include <minitask/minitask.hpp>

extern "C" {
typedef struct CURL CURL;
int curl_easy_perform(CURL *);
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
int sqlite3_step(sqlite3_stmt *);
int sqlite3_exec(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *, char **);
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
PGresult *PQexec(PGconn *, const char *);
typedef struct st_mysql MYSQL;
int mysql_query(MYSQL *, const char *);
}

mini::Task<int> handler(CURL *curl, sqlite3 *db, sqlite3_stmt *stmt,
                           PGconn *pg, MYSQL *my) {
  int r = curl_easy_perform(curl); // expected-warning {{blocking call to 'curl_easy_perform' in coroutine 'handler'}}
  r += sqlite3_step(stmt); // expected-warning {{blocking call to 'sqlite3_step'}}
  r += sqlite3_exec(db, "select 1", nullptr, nullptr, nullptr); // expected-warning {{blocking call to 'sqlite3_exec'}}
  PGresult *res = PQexec(pg, "select 1"); // expected-warning {{blocking call to 'PQexec'}}
  (void)res;
  r += mysql_query(my, "select 1"); // expected-warning {{blocking call to 'mysql_query'}}
  co_return r;
}
