// Recursive and mutually recursive helpers: the search terminates and
// reports the shortest chain.
#include <minitask/minitask.hpp>
#include <unistd.h>

int walk(int depth) {
  if (depth == 0)
    return static_cast<int>(sleep(1)); // expected-note {{'walk' calls 'sleep', which can block}}
  return walk(depth - 1);
}

bool is_odd(int n);
bool is_even(int n) { return n == 0 ? true : is_odd(n - 1); }
bool is_odd(int n) { return n == 0 ? false : is_even(n - 1); }

void ping(int n);
void pong(int n) {
  if (n > 0)
    ping(n - 1);
  else
    usleep(10); // expected-note {{'pong' calls 'usleep', which can block}}
}
void ping(int n) { pong(n); } // expected-note {{'ping' calls 'pong'}}

mini::Task<int> tree() {
  int r = walk(3); // expected-warning {{call to 'walk' in coroutine 'tree' can reach a blocking call to 'sleep'}}
  r += is_even(10) ? 1 : 0; // Recursion without a blocking call: nothing.
  ping(4); // expected-warning {{call to 'ping' in coroutine 'tree' can reach a blocking call to 'usleep'}}
  co_return r;
}

// A recursive coroutine calls itself through co_await: creating the inner
// task runs nothing, so it is not a blocking helper.
mini::Task<int> countdown(int n) {
  if (n == 0)
    co_return 0;
  co_return 1 + co_await countdown(n - 1);
}

// A long chain of helpers (within the default depth of 8 calls).
void h7() { sleep(1); } // expected-note {{'h7' calls 'sleep', which can block}}
void h6() { h7(); } // expected-note {{'h6' calls 'h7'}}
void h5() { h6(); } // expected-note {{'h5' calls 'h6'}}
void h4() { h5(); } // expected-note {{'h4' calls 'h5'}}
void h3() { h4(); } // expected-note {{'h3' calls 'h4'}}
void h2() { h3(); } // expected-note {{'h2' calls 'h3'}}
void h1() { h2(); } // expected-note {{'h1' calls 'h2'}}
mini::Task<void> deep() {
  h1(); // expected-warning {{call to 'h1' in coroutine 'deep' can reach a blocking call to 'sleep'}}
  co_return;
}
// One more step than the default limit: not followed.
void h0() { h1(); }
mini::Task<void> too_deep() {
  h0();
  co_return;
}
