// A coroutine that moves itself onto a thread pool (C++'s run_in_executor)
// may block there; before the switch, after a switch back to an I/O
// executor, and where only some paths switched, it may not.
#include <chrono>
#include <concurrencpp/concurrencpp.h>
#include <coro/thread_pool.hpp>
#include <cppcoro/io_service.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/task.hpp>
#include <memory>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

cppcoro::task<int> before_the_switch(cppcoro::static_thread_pool &pool) {
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'before_the_switch'}}
  co_await pool.schedule();
  std::this_thread::sleep_for(1ms); // on the pool
  co_return 1;
}

cppcoro::task<int> back_to_io(cppcoro::static_thread_pool &pool,
                              cppcoro::io_service &io) {
  co_await pool.schedule();
  std::this_thread::sleep_for(1ms); // on the pool
  co_await io.schedule();
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'back_to_io'}}
  co_return 2;
}

cppcoro::task<int> one_branch(cppcoro::static_thread_pool &pool, bool slow) {
  if (slow)
    co_await pool.schedule();
  ::sleep(1); // expected-warning {{blocking call to 'sleep' in coroutine 'one_branch'}}
  co_return 3;
}

cppcoro::task<int> loop_switches_back(cppcoro::static_thread_pool &pool,
                                      cppcoro::io_service &io, int n) {
  co_await pool.schedule();
  for (int i = 0; i < n; ++i) {
    ::sleep(1); // expected-warning {{blocking call to 'sleep' in coroutine 'loop_switches_back'}}
    co_await io.schedule();
  }
  co_return 4;
}

coro::task<int> libcoro_on_io_before(coro::thread_pool &tp) {
  ::usleep(10); // expected-warning {{blocking call to 'usleep' in coroutine 'libcoro_on_io_before'}}
  co_await tp.schedule();
  ::usleep(10); // on the pool
  co_return 5;
}

// manual_executor runs its tasks on whichever thread loops it.
concurrencpp::result<void>
manual(std::shared_ptr<concurrencpp::manual_executor> loop) {
  co_await concurrencpp::resume_on(loop);
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'manual'}}
}

// A lambda called on the pool runs on the pool.
cppcoro::task<int> helper_on_pool(cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
  auto work = [] { ::sleep(1); };
  work(); // on the pool: the lambda runs here
  co_return 6;
}
