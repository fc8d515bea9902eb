// The run_in_executor idioms of each runtime: the blocking work runs after
// the coroutine moved itself onto a pool made for it. Nothing is reported.
#include <chrono>
#include <concurrencpp/concurrencpp.h>
#include <coro/thread_pool.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/task.hpp>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

std::string read_config() {
  std::ifstream in("/etc/app.conf");
  std::string line;
  std::getline(in, line);
  return line;
}

cppcoro::task<std::string> cppcoro_pool(cppcoro::static_thread_pool &pool,
                                        cppcoro::task<int> other) {
  co_await pool.schedule();
  std::string config = read_config();
  co_await other; // awaiting a task does not move the coroutine
  std::this_thread::sleep_for(1ms);
  co_return config;
}

coro::task<void> libcoro_pool(coro::thread_pool &tp) {
  co_await tp.schedule();
  ::usleep(10);
  co_await tp.yield();
  ::usleep(10);
}

cppcoro::task<int> both_branches(cppcoro::static_thread_pool &pool, bool a) {
  if (a)
    co_await pool.schedule();
  else
    co_await pool.schedule();
  ::sleep(1);
  co_return 1;
}

concurrencpp::result<std::string>
background(std::shared_ptr<concurrencpp::thread_pool_executor> background) {
  co_await concurrencpp::resume_on(background);
  co_return read_config();
}

concurrencpp::result<void>
own_thread(std::shared_ptr<concurrencpp::thread_executor> thread) {
  co_await concurrencpp::resume_on(*thread);
  std::this_thread::sleep_for(1ms);
}

// The executor_tag form: the coroutine starts on the executor.
concurrencpp::result<std::string>
started_on_pool(concurrencpp::executor_tag,
                std::shared_ptr<concurrencpp::thread_pool_executor> pool) {
  co_return read_config();
}

concurrencpp::result<void>
started_on_thread(concurrencpp::executor_tag,
                  concurrencpp::thread_executor *thread, int n) {
  for (int i = 0; i < n; ++i)
    std::this_thread::sleep_for(1ms);
  co_return;
}
