#include <minitask/minitask.hpp>
using namespace mini;

Task<int> fetch_data() { co_return 1; }
Task<> save(int) { co_return; }

Task<> handler(bool flag) {
  fetch_data(); // expected-warning {{'fetch_data'}}
  save(42); // expected-warning {{'save'}}
  delay(5); // expected-warning {{'delay'}}
  if (flag)
    save(1); // expected-warning {{'save'}}
  co_return;
}
