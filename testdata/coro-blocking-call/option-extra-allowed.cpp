// CONFIG: {CheckOptions: {coro-blocking-call.ExtraBlockingFunctions: 'mylib::Client::call;::legacy_poll;mylib::wait_all', coro-blocking-call.AllowedFunctions: 'std::future::get;read'}}
// ExtraBlockingFunctions adds names; AllowedFunctions removes them (and a
// listed function is not looked into either).
#include <minitask/minitask.hpp>
#include <future>
#include <unistd.h>

namespace mylib {
struct Client {
  int call(int request);
};
template <class T> void wait_all(T &);
} // namespace mylib

void legacy_poll(); // A global C++ function: listed with a leading '::'.

void uses_get(std::future<int> &f) { f.get(); }

mini::Task<int> handler(mylib::Client &c, std::future<int> &f, char *buf) {
  int r = c.call(1); // expected-warning {{blocking call to 'mylib::Client::call' in coroutine 'handler'}}
  legacy_poll(); // expected-warning {{blocking call to 'legacy_poll'}}
  mylib::wait_all(r); // expected-warning {{blocking call to 'mylib::wait_all'}}
  r += f.get(); // Allowed.
  uses_get(f); // Allowed through helpers too.
  r += static_cast<int>(read(0, buf, 1)); // Allowed.
  sleep(1); // expected-warning {{blocking call to 'sleep'}}
  co_return r;
}
