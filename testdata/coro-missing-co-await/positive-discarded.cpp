// A task made and dropped: the tutorial's "forgetting await returns a
// coroutine object and doesn't run".
#include <minitask/minitask.hpp>
using namespace mini;

Task<int> fetch_data() { co_return 1; }
template <class T> Task<T> fetch_as() { co_return T{}; }
EagerTask log_event() { co_return; }

struct Client {
  Task<int> get(const char *url) { co_return 0; }
};

Task<> handler(Client &client, bool flag) {
  fetch_data(); // expected-warning {{result of coroutine 'fetch_data' (type 'Task<int>') is never awaited; the lazy task never runs}}
  client.get("/users"); // expected-warning {{result of coroutine 'Client::get' (type 'Task<int>') is never awaited}}
  delay(100); // expected-warning {{result of 'delay' (type 'Delay') is never awaited [coro-missing-co-await]}}
  next_event(); // expected-warning {{result of 'next_event' (type 'Event') is never awaited}}
  fetch_as<long>(); // expected-warning {{result of coroutine 'fetch_as<long>' (type 'Task<long>') is never awaited}}
  log_event(); // expected-warning {{result of coroutine 'log_event' (type 'EagerTask') is never awaited; the task has started, but its result and failure are lost}}
  []() -> Task<> { co_return; }(); // expected-warning {{result of coroutine lambda (type 'Task<>') is never awaited}}
  flag ? fetch_data() : fetch_as<int>(); // expected-warning {{'fetch_data'}} expected-warning {{'fetch_as<int>'}}
  for (int i = 0; i < 3; ++i)
    fetch_data(); // expected-warning {{'fetch_data'}}
  while (flag) {
    fetch_data(); // expected-warning {{'fetch_data'}}
    flag = false;
  }
  if (flag)
    fetch_data(); // expected-warning {{'fetch_data'}}
  else
    client.get("/"); // expected-warning {{'Client::get'}}
  co_return;
}

// Outside a coroutine the task never runs either; there is no fix-it.
void plain_function() {
  fetch_data(); // expected-warning {{result of coroutine 'fetch_data'}} expected-note {{no fix-it: 'plain_function' is not a coroutine}}
}

// A plain function that returns a task is named as a function, not a
// coroutine; its task is lost all the same.
Task<int> make_request() { return fetch_data(); }
Task<> caller() {
  make_request(); // expected-warning {{result of 'make_request' (type 'Task<int>') is never awaited; the lazy task never runs}}
  co_return;
}
