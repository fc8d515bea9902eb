// ExtraAsyncTwinScopes: a project's own sync/async pairs follow the rule.
// CONFIG: {CheckOptions: {coro-blocking-call.ExtraAsyncTwinScopes: 'app::net'}}
#include <minitask/minitask.hpp>

namespace app::net {
struct Channel {
  int receive();
  mini::Task<int> async_receive();
  void close();
};
int flush(Channel &);
mini::Task<int> async_flush(Channel &);
} // namespace app::net

mini::Task<int> serve(app::net::Channel &channel) {
  int n = channel.receive(); // expected-warning {{blocking call to 'app::net::Channel::receive' in coroutine 'serve'}}
  n += app::net::flush(channel); // expected-warning {{blocking call to 'app::net::flush'}}
  n += co_await channel.async_receive();
  channel.close();
  co_return n;
}
