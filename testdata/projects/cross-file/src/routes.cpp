#include "backend.h"
#include "lines.h"
#include "store.h"
#include "task.h"

// Same name as the blocking static helper in store.cpp: no mix-up.
static int helper(int x) { return x + 1; }

Task<> profile_route(int user) {
  auto p = store::load_profile(user); // FINDING: coro-blocking-call
  int n = store::cached_count(user);  // CLEAN: annotated nonblocking
  int h = helper(n);                  // CLEAN: this file's own helper
  (void)p;
  (void)h;
  co_return;
}

Task<> report_route() {
  db::query("select 1");       // FINDING: coro-blocking-call
  ping(3);                     // FINDING: coro-blocking-call
  convert<int>(4);             // FINDING: coro-blocking-call
  traced(5);                   // FINDING: coro-blocking-call
  start_worker();              // CLEAN: the thread blocks, not the loop
  compute_blocking();          // FINDING: coro-nested-loop-run
  default_storage().fetch(1);  // FINDING: coro-blocking-call
  default_backend().get(1);    // CLEAN: memory.cpp's override does not block
  co_return;
}

Task<> import_route(int fd) {
  int n = 0;
  for (int c : read_bytes(fd)) // FINDING: coro-blocking-call
    n += c;
  for (int i : numbers(n))     // CLEAN: this generator only counts
    n += i;
  co_return;
}
