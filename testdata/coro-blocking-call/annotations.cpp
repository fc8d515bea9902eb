// [[clang::annotate("coro::blocking")]] marks the user's own blocking
// functions; [[clang::annotate("coro::nonblocking")]] vouches for a function
// (it is neither flagged nor looked into).
#include <minitask/minitask.hpp>
#include <chrono>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

// Declared only (defined in another translation unit): the annotation is
// the only way to know.
[[clang::annotate("coro::blocking")]] int legacy_query(const char *sql);

struct Db {
  [[clang::annotate("coro::blocking")]] void commit();
};

// The annotation on the declaration counts for the definition as well.
[[clang::annotate("coro::blocking")]] void wait_for_disk();
void wait_for_disk() {}

void report() { legacy_query("insert"); } // expected-note {{'report' calls 'legacy_query', which can block}}

// The user vouches that this returns at once (the sleep is never reached on
// the loop thread, say): not flagged, not looked into.
[[clang::annotate("coro::nonblocking")]] void maybe_sleep(bool on_worker) {
  if (on_worker)
    std::this_thread::sleep_for(1s);
}

// nonblocking overrides the built-in list as well.
[[clang::annotate("coro::nonblocking")]] int cheap_read(int fd, char *buf);
extern "C" [[clang::annotate("coro::nonblocking")]] int pollish(int fd);

mini::Task<int> handler(Db &db, char *buf) {
  int r = legacy_query("select 1"); // expected-warning {{blocking call to 'legacy_query' in coroutine 'handler'}}
  db.commit(); // expected-warning {{blocking call to 'Db::commit' in coroutine 'handler'}}
  wait_for_disk(); // expected-warning {{blocking call to 'wait_for_disk'}}
  report(); // expected-warning {{call to 'report' in coroutine 'handler' can reach a blocking call to 'legacy_query'}}
  maybe_sleep(false);
  r += cheap_read(0, buf);
  r += pollish(0);
  co_return r;
}

// Annotated coroutines-to-be: a template function instantiated.
template <class T>
[[clang::annotate("coro::blocking")]] T fetch_sync(T v) { return v; }
mini::Task<int> templated() {
  co_return fetch_sync(1); // expected-warning {{blocking call to 'fetch_sync'}}
}
