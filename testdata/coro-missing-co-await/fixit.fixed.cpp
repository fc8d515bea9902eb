#include <minitask/minitask.hpp>
using namespace mini;

Task<int> fetch_data() { co_return 1; }
Task<> save(int) { co_return; }

Task<> handler(bool flag) {
  co_await fetch_data(); // expected-warning {{'fetch_data'}}
  co_await save(42); // expected-warning {{'save'}}
  co_await delay(5); // expected-warning {{'delay'}}
  if (flag)
    co_await save(1); // expected-warning {{'save'}}
  co_return;
}
