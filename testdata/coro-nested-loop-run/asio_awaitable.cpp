// Boost.Asio: io_context::run inside an awaitable coroutine, and blocking on
// a future of a task co_spawned onto the loop the coroutine runs on.
#include <boost/asio.hpp>
#include <future>
#include <thread>

namespace asio = boost::asio;

asio::awaitable<int> work() { co_return 1; }

asio::awaitable<void> runsTheLoop(asio::io_context &Ctx) {
  Ctx.run(); // expected-warning {{call to event loop entry point 'boost::asio::io_context::run' in coroutine 'runsTheLoop'}}
  Ctx.run_one(); // expected-warning {{call to event loop entry point 'boost::asio::io_context::run_one'}}
  Ctx.poll(); // expected-warning {{call to event loop entry point 'boost::asio::io_context::poll'}}
  co_return;
}

void drain(asio::io_context &Ctx) { Ctx.run(); } // expected-note {{'drain' calls 'boost::asio::io_context::run', an event loop entry point}}
asio::awaitable<void> drainsViaHelper(asio::io_context &Ctx) {
  drain(Ctx); // expected-warning {{call to 'drain' in coroutine 'drainsViaHelper' can reach event loop entry point 'boost::asio::io_context::run'}}
  co_return;
}

asio::awaitable<int> blocksOnSpawnedFuture() {
  auto Executor = co_await asio::this_coro::executor;
  std::future<int> Result = asio::co_spawn(Executor, work(), asio::use_future); // expected-note {{the future comes from this 'co_spawn'}}
  co_return Result.get(); // expected-warning {{'std::future::get' in coroutine 'blocksOnSpawnedFuture' waits for a task co_spawned with 'use_future'}}
}

asio::awaitable<void> waitsDirectly(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, work(), asio::use_future).wait(); // expected-warning {{'std::future::wait' in coroutine 'waitsDirectly' waits for a task co_spawned with 'use_future'}} expected-note {{the future comes from this 'co_spawn'}}
  co_return;
}

asio::awaitable<void> assignedFuture(asio::io_context &Ctx) {
  std::future<int> Later;
  Later = asio::co_spawn(Ctx.get_executor(), work(), asio::use_future); // expected-note {{the future comes from this 'co_spawn'}}
  Later.get(); // expected-warning {{'std::future::get' in coroutine 'assignedFuture' waits}}
  co_return;
}

// Negatives.
int main() {
  asio::io_context Ctx;
  asio::co_spawn(Ctx, runsTheLoop(Ctx), asio::detached);
  Ctx.run();
  std::future<int> F = asio::co_spawn(Ctx, work(), asio::use_future);
  Ctx.run();
  return F.get();
}

// The task runs on a thread pool, not on this coroutine's loop: blocking,
// not a deadlock (coro-blocking-call reports the get()).
asio::awaitable<int> onThreadPool(asio::thread_pool &Pool) {
  auto F = asio::co_spawn(Pool, work(), asio::use_future);
  co_return F.get();
}

// A second io_context run on its own thread.
asio::awaitable<void> loopOnAnotherThread() {
  std::thread Worker([] {
    asio::io_context Other;
    Other.run();
  });
  Worker.join();
  co_return;
}

// The right way: co_await the task, or co_spawn with use_awaitable.
asio::awaitable<int> right() {
  auto Executor = co_await asio::this_coro::executor;
  int A = co_await work();
  int B = co_await asio::co_spawn(Executor, work(), asio::use_awaitable);
  co_return A + B;
}
