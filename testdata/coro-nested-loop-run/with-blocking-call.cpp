// CHECKS: coro-nested-loop-run,coro-blocking-call
// With both checks on, a wait on a future of a task spawned onto the
// coroutine's own loop is reported once, as the deadlock it is; a wait on an
// unrelated future is still coro-blocking-call's.
#include <boost/asio.hpp>
#include <future>

namespace asio = boost::asio;

asio::awaitable<int> work() { co_return 1; }

asio::awaitable<void> waitsOnItsOwnLoop(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, work(), asio::use_future).wait(); // expected-warning[coro-nested-loop-run] {{'std::future::wait' in coroutine 'waitsOnItsOwnLoop' waits for a task co_spawned with 'use_future'}} expected-note {{the future comes from this 'co_spawn'}}
  co_return;
}

asio::awaitable<void> waitsOnAnotherFuture(std::future<int> &Other) {
  Other.get(); // expected-warning[coro-blocking-call] {{blocking call to 'std::future::get'}}
  co_return;
}
