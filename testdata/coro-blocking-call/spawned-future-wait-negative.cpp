// A wait on the future of a task co_spawned onto the coroutine's own loop is
// a deadlock that coro-nested-loop-run owns: coro-blocking-call, run alone,
// does not report it. A wait on any other future is still reported.
#include <boost/asio.hpp>
#include <future>

namespace asio = boost::asio;

asio::awaitable<int> work() { co_return 1; }

asio::awaitable<void> waitsOnItsOwnLoop(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, work(), asio::use_future).wait();
  co_return;
}

asio::awaitable<void> waitsOnAnotherFuture(std::future<int> &Other) {
  Other.get(); // expected-warning {{blocking call to 'std::future::get'}}
  co_return;
}
