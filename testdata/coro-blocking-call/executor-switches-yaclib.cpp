// YACLib: `co_await yaclib::On(e)` submits the rest of the coroutine to e,
// and a lazy Task's ToFuture(e) or Detach(e) starts it on e.
// After a switch to a FairThreadPool (or a class derived from one) a
// blocking call runs on a pool worker; before it, and after a switch to a
// strand or to an executor known only as an IExecutor, it may stall the
// thread the coroutine shares.
#include <chrono>
#include <minitask/minitask.hpp>
#include <thread>
#include <yaclib/coro/on.hpp>
#include <yaclib/exe/strand.hpp>
#include <yaclib/lazy/task.hpp>
#include <yaclib/runtime/fair_thread_pool.hpp>

using namespace std::chrono_literals;

mini::Task<void> on_the_pool(yaclib::FairThreadPool &tp) {
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'on_the_pool'}}
  co_await yaclib::On(tp);
  std::this_thread::sleep_for(1ms); // on a worker of tp
}

struct BlockingPool : yaclib::FairThreadPool {};

mini::Task<void> on_a_derived_pool(BlockingPool *tp) {
  co_await yaclib::On(*tp);
  std::this_thread::sleep_for(1ms); // on a worker
}

mini::Task<void> on_a_strand(yaclib::Strand &strand) {
  co_await yaclib::On(strand);
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'on_a_strand'}}
}

mini::Task<void> on_some_executor(yaclib::IExecutor &e) {
  co_await yaclib::On(e);
  std::this_thread::sleep_for(1ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'on_some_executor'}}
}

void test_lambda() {
  yaclib::FairThreadPool tp{1};
  auto coro = [&]() -> mini::Task<void> {
    co_await yaclib::On(tp);
    std::this_thread::sleep_for(10ms); // on a worker of tp
  };
  coro();
}

void started_on_the_pool(yaclib::FairThreadPool &tp, yaclib::Strand &strand) {
  auto on_pool = [&]() -> yaclib::Task<> {
    std::this_thread::sleep_for(10ms); // started on tp by ToFuture(tp)
    co_return;
  };
  auto started = on_pool().ToFuture(tp);
  auto detached = [&]() -> yaclib::Task<> {
    std::this_thread::sleep_for(10ms); // started on tp by Detach(tp)
    co_return;
  };
  detached().Detach(tp);
  auto on_strand = [&]() -> yaclib::Task<> {
    std::this_thread::sleep_for(10ms); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine lambda}}
    co_return;
  };
  auto elsewhere = on_strand().ToFuture(strand);
}
