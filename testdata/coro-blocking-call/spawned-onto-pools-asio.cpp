// Boost.Asio: a coroutine lambda that co_spawn starts on a thread_pool (the
// pool, its executor, or an any_io_executor made from it) runs there, and
// so does every awaitable it awaits; one started on an io_context does not.
#include <boost/asio.hpp>
#include <chrono>
#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;

void on_the_pool(asio::thread_pool &pool) {
  asio::co_spawn(pool, []() -> asio::awaitable<void> {
    std::this_thread::sleep_for(1ms); // on the pool
    co_return;
  }, asio::detached);
  asio::co_spawn(pool.get_executor(), []() -> asio::awaitable<void> {
    std::this_thread::sleep_for(1ms); // on the pool
    co_return;
  }(), asio::detached);
  asio::any_io_executor erased = pool.get_executor();
  auto job = [&]() -> asio::awaitable<void> {
    std::this_thread::sleep_for(1ms); // on the pool
    co_return;
  };
  asio::co_spawn(asio::any_io_executor(pool.get_executor()), job,
                 asio::detached);
  asio::co_spawn(pool, job(), asio::detached);
  (void)erased;
}

void on_the_loop(asio::io_context &io, asio::thread_pool &pool) {
  asio::co_spawn(io, []() -> asio::awaitable<void> {
    std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
    co_return;
  }, asio::detached);
  auto job = []() -> asio::awaitable<void> {
    std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
    co_return;
  };
  asio::co_spawn(pool, job, asio::detached);
  asio::co_spawn(io.get_executor(), job, asio::detached);
}

// A type-erased executor variable may hold any executor.
void erased_variable(asio::thread_pool &pool, asio::any_io_executor ex) {
  asio::co_spawn(ex, []() -> asio::awaitable<void> {
    std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
    co_return;
  }, asio::detached);
  (void)pool;
}

// Named coroutines with internal linkage: judged by their calls, the
// function given to co_spawn by name as well as the awaitable it returns.
namespace {
asio::awaitable<void> pool_job() {
  std::this_thread::sleep_for(1ms); // on the pool
  co_return;
}

asio::awaitable<void> loop_job() {
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'loop_job'}}
  co_return;
}
} // namespace

void named_jobs(asio::io_context &io, asio::thread_pool &pool) {
  asio::co_spawn(pool, pool_job(), asio::detached);
  asio::co_spawn(pool, pool_job, asio::detached);
  asio::co_spawn(pool, loop_job(), asio::detached);
  asio::co_spawn(io, loop_job, asio::detached);
}
