// Boost.Asio: a completion token bound to a thread pool's executor resumes
// the coroutine there until its next operation; `co_await asio::post(pool,
// use_awaitable)` does not move it (use_awaitable carries the coroutine's
// own executor).
#include <boost/asio.hpp>
#include <chrono>
#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;

asio::awaitable<void> bound(asio::thread_pool &pool, asio::steady_timer &t) {
  co_await asio::post(asio::bind_executor(pool, asio::use_awaitable));
  std::this_thread::sleep_for(1ms); // on the pool
  co_await t.async_wait(asio::use_awaitable);
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'bound'}}
}

asio::awaitable<void> not_moved(asio::thread_pool &pool) {
  co_await asio::post(pool, asio::use_awaitable);
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'not_moved'}}
}

asio::awaitable<void> bound_to_io(asio::io_context &io) {
  co_await asio::dispatch(asio::bind_executor(io, asio::use_awaitable));
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'bound_to_io'}}
}

asio::awaitable<void> bound_executor(asio::thread_pool::executor_type ex) {
  co_await asio::dispatch(asio::bind_executor(ex, asio::use_awaitable));
  std::this_thread::sleep_for(1ms); // on the pool
  co_return;
}
