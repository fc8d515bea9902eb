// corio against Boost.Asio on the same workloads, in one binary. Each benchmark runs its whole
// measurement loop inside one coroutine, so a reported iteration is one operation.
//
//   build-bench/corio_vs_asio --benchmark_min_time=0.5
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <corio/corio.hpp>
#include <cstdio>
#include <fstream>
#include <vector>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

// --- co_await of a trivial coroutine ---------------------------------------------------------------

corio::Task<int> corio_trivial(int x) { co_return x + 1; }
asio::awaitable<int> asio_trivial(int x) { co_return x + 1; }

corio::Task<void> corio_await_loop(benchmark::State& state) {
  int x = 0;
  for (auto _ : state) x = co_await corio_trivial(x);
  benchmark::DoNotOptimize(x);
}
void corio_await_trivial(benchmark::State& state) { corio::run(corio_await_loop(state)); }

asio::awaitable<void> asio_await_loop(benchmark::State& state) {
  int x = 0;
  for (auto _ : state) x = co_await asio_trivial(x);
  benchmark::DoNotOptimize(x);
}
void asio_await_trivial(benchmark::State& state) {
  asio::io_context ctx;
  asio::co_spawn(ctx, asio_await_loop(state), asio::detached);
  ctx.run();
}

// --- spawn a task and await its completion ---------------------------------------------------------

corio::Task<void> corio_spawn_loop(benchmark::State& state) {
  int x = 0;
  for (auto _ : state) {
    auto handle = corio::create_task(corio_trivial(x));
    x = co_await handle;
  }
  benchmark::DoNotOptimize(x);
}
void corio_create_task_await(benchmark::State& state) { corio::run(corio_spawn_loop(state)); }

asio::awaitable<void> asio_spawn_loop(benchmark::State& state) {
  auto ex = co_await asio::this_coro::executor;
  int x = 0;
  for (auto _ : state) x = co_await asio::co_spawn(ex, asio_trivial(x), asio::use_awaitable);
  benchmark::DoNotOptimize(x);
}
void asio_co_spawn_await(benchmark::State& state) {
  asio::io_context ctx;
  asio::co_spawn(ctx, asio_spawn_loop(state), asio::detached);
  ctx.run();
}

// --- a round trip through the scheduler ------------------------------------------------------------

corio::Task<void> corio_yield_loop(benchmark::State& state) {
  for (auto _ : state) co_await corio::yield_now();
}
void corio_yield_now(benchmark::State& state) { corio::run(corio_yield_loop(state)); }

asio::awaitable<void> asio_post_loop(benchmark::State& state) {
  auto ex = co_await asio::this_coro::executor;
  for (auto _ : state) co_await asio::post(ex, asio::use_awaitable);
}
void asio_post_round_trip(benchmark::State& state) {
  asio::io_context ctx;
  asio::co_spawn(ctx, asio_post_loop(state), asio::detached);
  ctx.run();
}

// --- gather: per child task ------------------------------------------------------------------------

corio::Task<int> corio_yield_then(int x) {
  co_await corio::yield_now();
  co_return x;
}

// Gathers `width` children made by `child`, once per iteration.
corio::Task<void> corio_gather_loop(benchmark::State& state, int width,
                                    corio::Task<int> (*child)(int)) {
  for (auto _ : state) {
    std::vector<corio::Task<int>> tasks;
    tasks.reserve(width);
    for (int i = 0; i < width; ++i) tasks.push_back(child(i));
    try {
      auto values = co_await corio::gather(std::move(tasks));
      benchmark::DoNotOptimize(values.data());
    } catch (const std::exception& e) {
      state.SkipWithError(e.what());
    }
  }
  state.SetItemsProcessed(state.iterations() * width);
}
void corio_gather_per_task(benchmark::State& state) {
  corio::run(corio_gather_loop(state, static_cast<int>(state.range(0)), corio_trivial));
}
void corio_gather_suspending_per_task(benchmark::State& state) {
  corio::run(corio_gather_loop(state, static_cast<int>(state.range(0)), corio_yield_then));
}

// --- queue / channel: one item from a producer task to a consumer ---------------------------------

corio::Task<void> corio_produce(corio::Queue<int>& queue) {
  for (int i = 0;; ++i) co_await queue.put(i);
}
corio::Task<void> corio_queue_loop(benchmark::State& state) {
  corio::Queue<int> queue(64);
  auto producer = corio::create_task(corio_produce(queue));
  long sum = 0;
  for (auto _ : state) sum += co_await queue.get();
  benchmark::DoNotOptimize(sum);
  producer.cancel();
  try {
    co_await producer;
  } catch (const corio::CancelledError&) {
  }
}
void corio_queue_item(benchmark::State& state) { corio::run(corio_queue_loop(state)); }

using Channel = asio::experimental::channel<void(boost::system::error_code, int)>;
asio::awaitable<void> asio_produce(Channel& channel) {
  try {
    for (int i = 0;; ++i) co_await channel.async_send(boost::system::error_code{}, i, asio::use_awaitable);
  } catch (const boost::system::system_error&) {
    // closed by the consumer
  }
}
asio::awaitable<void> asio_channel_loop(benchmark::State& state, Channel& channel) {
  long sum = 0;
  for (auto _ : state) sum += co_await channel.async_receive(asio::use_awaitable);
  benchmark::DoNotOptimize(sum);
  channel.close();
}
void asio_channel_item(benchmark::State& state) {
  asio::io_context ctx;
  Channel channel(ctx, 64);
  asio::co_spawn(ctx, asio_produce(channel), asio::detached);
  asio::co_spawn(ctx, asio_channel_loop(state, channel), asio::detached);
  ctx.run();
}

// --- lock: acquire + release of an async mutex -----------------------------------------------------
// Asio has no async mutex; its nearest is a channel of capacity 1 used as one: acquiring sends a
// token (waits while the slot is taken), releasing takes it back out.

using MutexChannel = asio::experimental::channel<void(boost::system::error_code)>;

asio::awaitable<void> asio_lock(MutexChannel& mutex) {
  co_await mutex.async_send(boost::system::error_code{}, asio::use_awaitable);
}
void asio_unlock(MutexChannel& mutex) { mutex.try_receive([](boost::system::error_code) {}); }

corio::Task<void> corio_lock_loop(benchmark::State& state) {
  corio::Lock lock;
  for (auto _ : state) {
    auto guard = co_await lock.acquire();
    benchmark::DoNotOptimize(guard);
  }
}
void corio_lock_uncontended(benchmark::State& state) { corio::run(corio_lock_loop(state)); }

asio::awaitable<void> asio_lock_loop(benchmark::State& state, MutexChannel& mutex) {
  for (auto _ : state) {
    co_await asio_lock(mutex);
    asio_unlock(mutex);
  }
}
void asio_channel_mutex_uncontended(benchmark::State& state) {
  asio::io_context ctx;
  MutexChannel mutex(ctx, 1);
  asio::co_spawn(ctx, asio_lock_loop(state, mutex), asio::detached);
  ctx.run();
}

// Contended: two tasks take turns; each holds the lock across one yield, so every acquisition
// waits for the other task's release (a FIFO hand-over). An iteration is one acquisition by each
// task (items: acquisitions); each includes the yield made while holding the lock.
corio::Task<void> corio_contender(corio::Lock& lock, const bool& stop) {
  while (!stop) {
    auto guard = co_await lock.acquire();
    co_await corio::yield_now();
  }
}
corio::Task<void> corio_contended_loop(benchmark::State& state) {
  corio::Lock lock;
  bool stop = false;
  auto other = corio::create_task(corio_contender(lock, stop));
  for (auto _ : state) {
    auto guard = co_await lock.acquire();
    co_await corio::yield_now();
  }
  state.SetItemsProcessed(state.iterations() * 2);
  stop = true;
  co_await other;
}
void corio_lock_contended(benchmark::State& state) { corio::run(corio_contended_loop(state)); }

asio::awaitable<void> asio_contender(MutexChannel& mutex, const bool& stop) {
  auto ex = co_await asio::this_coro::executor;
  while (!stop) {
    co_await asio_lock(mutex);
    co_await asio::post(ex, asio::use_awaitable);
    asio_unlock(mutex);
  }
}
asio::awaitable<void> asio_contended_loop(benchmark::State& state, MutexChannel& mutex, bool& stop) {
  auto ex = co_await asio::this_coro::executor;
  for (auto _ : state) {
    co_await asio_lock(mutex);
    co_await asio::post(ex, asio::use_awaitable);
    asio_unlock(mutex);
  }
  state.SetItemsProcessed(state.iterations() * 2);
  stop = true;
}
void asio_channel_mutex_contended(benchmark::State& state) {
  asio::io_context ctx;
  MutexChannel mutex(ctx, 1);
  bool stop = false;
  asio::co_spawn(ctx, asio_contender(mutex, stop), asio::detached);
  asio::co_spawn(ctx, asio_contended_loop(state, mutex, stop), asio::detached);
  ctx.run();
}

// --- task group: spawn + join, per child -----------------------------------------------------------
// Asio's nearest: a ranged parallel group of deferred co_spawns, awaited with wait_for_all().

corio::Task<void> corio_task_group_loop(benchmark::State& state, int width) {
  for (auto _ : state) {
    co_await corio::task_group([width](corio::TaskGroup& g) -> corio::Task<void> {
      for (int i = 0; i < width; ++i) g.create_task(corio_trivial(i));
      co_return;
    });
  }
  state.SetItemsProcessed(state.iterations() * width);
}
void corio_task_group_per_task(benchmark::State& state) {
  corio::run(corio_task_group_loop(state, static_cast<int>(state.range(0))));
}

asio::awaitable<void> asio_parallel_group_loop(benchmark::State& state, int width) {
  auto ex = co_await asio::this_coro::executor;
  for (auto _ : state) {
    using Op = decltype(asio::co_spawn(ex, asio_trivial(0), asio::deferred));
    std::vector<Op> ops;
    ops.reserve(width);
    for (int i = 0; i < width; ++i) ops.push_back(asio::co_spawn(ex, asio_trivial(i), asio::deferred));
    auto [order, errors, values] = co_await asio::experimental::make_parallel_group(std::move(ops))
                                       .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
    benchmark::DoNotOptimize(values.data());
  }
  state.SetItemsProcessed(state.iterations() * width);
}
void asio_parallel_group_per_task(benchmark::State& state) {
  asio::io_context ctx;
  asio::co_spawn(ctx, asio_parallel_group_loop(state, static_cast<int>(state.range(0))), asio::detached);
  ctx.run();
}

// --- event: set / wait round trip between two tasks -------------------------------------------------
// Asio's nearest event: a steady_timer that never expires, whose cancel() wakes the waiter.

corio::Task<void> corio_ponger(corio::Event& ping, corio::Event& pong, const bool& stop) {
  for (;;) {
    co_await ping.wait();
    ping.clear();
    if (stop) break;
    pong.set();
  }
}
corio::Task<void> corio_event_loop(benchmark::State& state) {
  corio::Event ping, pong;
  bool stop = false;
  auto other = corio::create_task(corio_ponger(ping, pong, stop));
  for (auto _ : state) {
    ping.set();
    co_await pong.wait();
    pong.clear();
  }
  stop = true;
  ping.set();
  co_await other;
}
void corio_event_round_trip(benchmark::State& state) { corio::run(corio_event_loop(state)); }

asio::awaitable<void> asio_timer_wait(asio::steady_timer& timer) {
  boost::system::error_code ec;
  timer.expires_at(asio::steady_timer::time_point::max());
  co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
}
asio::awaitable<void> asio_ponger(asio::steady_timer& ping, asio::steady_timer& pong, const bool& stop) {
  for (;;) {
    co_await asio_timer_wait(ping);
    if (stop) break;
    pong.cancel();
  }
}
asio::awaitable<void> asio_event_loop(benchmark::State& state, asio::steady_timer& ping,
                                      asio::steady_timer& pong, bool& stop) {
  auto ex = co_await asio::this_coro::executor;
  co_await asio::post(ex, asio::use_awaitable);  // the ponger waits first
  for (auto _ : state) {
    ping.cancel();
    co_await asio_timer_wait(pong);
  }
  stop = true;
  ping.cancel();
}
void asio_timer_event_round_trip(benchmark::State& state) {
  asio::io_context ctx;
  asio::steady_timer ping(ctx), pong(ctx);
  bool stop = false;
  asio::co_spawn(ctx, asio_ponger(ping, pong, stop), asio::detached);
  asio::co_spawn(ctx, asio_event_loop(state, ping, pong, stop), asio::detached);
  ctx.run();
}

// --- memory: a million concurrently sleeping tasks -------------------------------------------------

long resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0, pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return pages_resident * sysconf(_SC_PAGESIZE);
}

corio::Task<int> corio_sleeper() {
  co_await corio::sleep(1s);
  co_return 0;
}
corio::Task<int> corio_measure_while_sleeping(long& peak) {
  co_await corio::sleep(1ms);  // every sleeper is parked on its timer by now
  peak = co_await corio::run_in_executor(resident_bytes);  // file I/O stays off the loop
  co_return 0;
}
corio::Task<void> corio_million_sleepers(int count, long& peak) {
  std::vector<corio::Task<int>> tasks;
  tasks.reserve(count + 1);
  for (int i = 0; i < count; ++i) tasks.push_back(corio_sleeper());
  tasks.push_back(corio_measure_while_sleeping(peak));
  try {
    auto done = co_await corio::gather(std::move(tasks));
    benchmark::DoNotOptimize(done.data());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
  }
}
void corio_million_sleeping_tasks(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const long before = resident_bytes();
    long peak = 0;
    corio::RunOptions options;
    options.virtual_clock = true;
    corio::run(corio_million_sleepers(count, peak), options);
    state.counters["MiB"] = static_cast<double>(peak - before) / (1024.0 * 1024.0);
    state.counters["bytes_per_task"] = static_cast<double>(peak - before) / count;
  }
}

}  // namespace

BENCHMARK(corio_await_trivial);
BENCHMARK(asio_await_trivial);
BENCHMARK(corio_create_task_await);
BENCHMARK(asio_co_spawn_await);
BENCHMARK(corio_yield_now);
BENCHMARK(asio_post_round_trip);
BENCHMARK(corio_queue_item);
BENCHMARK(asio_channel_item);
BENCHMARK(corio_lock_uncontended);
BENCHMARK(asio_channel_mutex_uncontended);
BENCHMARK(corio_lock_contended);
BENCHMARK(asio_channel_mutex_contended);
BENCHMARK(corio_task_group_per_task)->Arg(100);
BENCHMARK(asio_parallel_group_per_task)->Arg(100);
BENCHMARK(corio_event_round_trip);
BENCHMARK(asio_timer_event_round_trip);
BENCHMARK(corio_gather_per_task)->Arg(100)->Arg(10000);
BENCHMARK(corio_gather_suspending_per_task)->Arg(100)->Arg(10000);
BENCHMARK(corio_million_sleeping_tasks)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
