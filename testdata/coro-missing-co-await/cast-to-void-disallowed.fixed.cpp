// CONFIG: {CheckOptions: {coro-missing-co-await.AllowCastToVoid: false}}
#include <minitask/minitask.hpp>
using namespace mini;

Task<int> fetch_data() { co_return 1; }

Task<> handler() {
  (void)co_await fetch_data(); // expected-warning {{result of coroutine 'fetch_data'}}
  static_cast<void>(co_await fetch_data()); // expected-warning {{result of coroutine 'fetch_data'}}
  co_return;
}
