// A coroutine lambda that every use starts on a thread pool, by giving it
// to a spawn function along with the pool (libcoro's spawn_detached,
// spawn_joinable and schedule(task), concurrencpp's submit and post), or by
// awaiting it where the caller already runs on the pool, runs on the pool:
// it may block. One use elsewhere, or a use the check cannot follow, and the
// lambda is checked as any coroutine. A named coroutine with internal
// linkage is judged the same way by its calls.
#include <chrono>
#include <concurrencpp/concurrencpp.h>
#include <coro/sync_wait.hpp>
#include <coro/thread_pool.hpp>
#include <functional>
#include <memory>
#include <thread>

using namespace std::chrono_literals;

void spawned_directly(coro::thread_pool &tp) {
  tp.spawn_detached([]() -> coro::task<void> {
    std::this_thread::sleep_for(1ms); // on the pool
    co_return;
  }());
}

coro::task<void> every_use_on_the_pool(std::unique_ptr<coro::thread_pool> &tp) {
  auto job = [](int n) -> coro::task<int> {
    std::this_thread::sleep_for(1ms); // on the pool
    co_return n;
  };
  co_await tp->schedule(job(1));
  co_await tp->schedule();
  co_await job(2); // awaited on the pool
}

// A capture is a use that is not followed into the capturing lambda.
coro::task<void> captured(coro::thread_pool &tp) {
  auto job = []() -> coro::task<void> {
    std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
    co_return;
  };
  co_await tp.spawn_joinable([&]() -> coro::task<void> {
    co_await tp.schedule();
    co_await job();
  }());
}

coro::task<void> awaited_after_the_switch(coro::thread_pool &tp) {
  auto slow = []() -> coro::task<int> {
    std::this_thread::sleep_for(1ms); // on the pool
    co_return 1;
  };
  co_await tp.schedule();
  co_await slow();
}

coro::task<void> awaited_before_the_switch(coro::thread_pool &tp) {
  auto slow = []() -> coro::task<int> {
    std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
    co_return 1;
  };
  co_await slow();
  co_await tp.schedule();
  co_await slow();
}

void one_use_elsewhere(coro::thread_pool &tp) {
  auto job = []() -> coro::task<void> {
    std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
    co_return;
  };
  tp.spawn_detached(job());
  coro::sync_wait(job());
}

void stored_away(coro::thread_pool &tp) {
  auto job = []() -> coro::task<void> {
    std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
    co_return;
  };
  std::function<coro::task<void>()> later = job;
  tp.spawn_detached(job());
}

void submitted(std::shared_ptr<concurrencpp::thread_pool_executor> pool,
               std::shared_ptr<concurrencpp::inline_executor> inline_ex) {
  pool->post([]() -> concurrencpp::result<void> {
    std::this_thread::sleep_for(1ms); // on the pool
    co_return;
  });
  auto r = pool->submit([]() -> concurrencpp::result<int> {
    std::this_thread::sleep_for(1ms); // on the pool
    co_return 1;
  });
  inline_ex->post([]() -> concurrencpp::result<void> {
    std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
    co_return;
  });
}

// A named coroutine that other files may call is checked as any coroutine:
// its callers elsewhere are not known.
coro::task<void> named_worker() {
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'named_worker'}}
  co_return;
}

void spawns_named(coro::thread_pool &tp) { tp.spawn_detached(named_worker()); }

// One with internal linkage has all its callers here: judged like a lambda.
namespace {
coro::task<void> internal_worker(int n) {
  std::this_thread::sleep_for(1ms); // on the pool: every call is spawned there
  co_return;
}

coro::task<int> internal_awaited() {
  std::this_thread::sleep_for(1ms); // on the pool: awaited after the switch
  co_return 1;
}

coro::task<void> internal_also_run_here() {
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'internal_also_run_here'}}
  co_return;
}

coro::task<void> internal_by_pointer() {
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'internal_by_pointer'}}
  co_return;
}
} // namespace

static coro::task<void> static_worker() {
  std::this_thread::sleep_for(1ms); // on the pool
  co_return;
}

void spawns_internal(coro::thread_pool &tp) {
  tp.spawn_detached(internal_worker(1));
  tp.spawn_detached(internal_worker(2));
  tp.spawn_detached(internal_also_run_here());
  tp.spawn_detached(static_worker());
  coro::task<void> (*later)() = &internal_by_pointer;
  tp.spawn_detached(later());
}

coro::task<void> awaits_internal(coro::thread_pool &tp) {
  co_await tp.schedule();
  co_await internal_awaited();
}

void runs_internal_here() { coro::sync_wait(internal_also_run_here()); }

// A template speaks through its instantiations.
namespace {
coro::task<void> templated_worker() {
  std::this_thread::sleep_for(1ms); // on the pool: the instantiation spawns it there
  co_return;
}
} // namespace

template <class Pool> void spawn_templated(Pool &tp) {
  tp.spawn_detached(templated_worker());
}
template void spawn_templated(coro::thread_pool &);
