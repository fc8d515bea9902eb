#include <minitask/minitask.hpp>
using namespace mini;

struct User {};
Task<User> fetch_user(int id) { co_return User{}; }

Task<> show_profile() {
  auto result = fetch_user(7); // expected-warning {{'result' holds the result of coroutine 'fetch_user' (type 'Task<User>') but is never awaited}}
  Task<User> other = fetch_user(8); // expected-warning {{'other' holds the result of coroutine 'fetch_user'}}
  auto d = delay(5); // expected-warning {{'d' holds the result of 'delay' (type 'Delay') but is never awaited [coro-missing-co-await]}}
  co_return;
}

void not_a_coroutine() {
  auto pending = fetch_user(1); // expected-warning {{'pending' holds the result of coroutine 'fetch_user'}}
}
