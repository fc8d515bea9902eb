// Pool<T>: exhaustion, FIFO fairness, timeouts, health checks, overflow and shutdown.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace std::chrono_literals;
using corio::Pool;
using corio::Task;
using corio::testing::elapsed_since;
using corio::testing::virtual_time;

namespace {

struct Registry {
  int opened = 0;
  int closed = 0;
};

// A fake database connection with an async close.
struct FakeDbConnection {
  int id = 0;
  Registry* registry = nullptr;
  bool broken = false;
  Task<void> aclose() {
    co_await corio::sleep(1ms);
    ++registry->closed;
  }
};

Pool<FakeDbConnection>::Factory connect_to(Registry& registry) {
  return [&registry]() -> Task<FakeDbConnection> {
    co_await corio::sleep(5ms);  // connecting takes time
    co_return FakeDbConnection{++registry.opened, &registry};
  };
}

struct Usage {
  int in_use = 0;
  int max_in_use = 0;
  std::vector<int> order;  // when each caller got its connection
};

Task<void> query(Pool<FakeDbConnection>& pool, Usage& usage, int caller) {
  auto connection = co_await pool.acquire();
  usage.order.push_back(caller);
  usage.max_in_use = std::max(usage.max_in_use, ++usage.in_use);
  co_await corio::sleep(100ms);
  --usage.in_use;
}

Task<void> exhaustion_and_fairness(Registry& registry, Usage& usage) {
  Pool<FakeDbConnection> pool(connect_to(registry), corio::PoolOptions{.max_size = 2, .max_overflow = 1});
  std::vector<Task<void>> callers;
  for (int caller = 0; caller < 9; ++caller) callers.push_back(query(pool, usage, caller));
  const auto start = corio::Clock::now();
  try {
    co_await corio::gather(std::move(callers));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(elapsed_since(start), 5ms + 300ms);  // 9 callers, 3 at a time
  EXPECT_EQ(pool.size(), 2u);                    // the overflow connection was closed on return
  co_await pool.aclose();
  EXPECT_EQ(pool.size(), 0u);
}

TEST(Pool, ExhaustionWaitsInFifoOrderAndOverflowIsClosedOnReturn) {
  Registry registry;
  Usage usage;
  corio::run(exhaustion_and_fairness(registry, usage), virtual_time());
  EXPECT_EQ(usage.max_in_use, 3);  // max_size + max_overflow
  EXPECT_EQ(usage.order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(registry.opened, 3);
  EXPECT_EQ(registry.closed, 3);
}

Task<void> acquire_times_out(Registry& registry) {
  Pool<FakeDbConnection> pool(connect_to(registry), corio::PoolOptions{.max_size = 1});
  auto held = co_await pool.acquire();
  try {
    auto second = co_await corio::wait_for(pool.acquire(), 1s);
    ADD_FAILURE() << "expected a timeout, got connection " << second->id;
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(pool.in_use(), 1u);
  }
}

TEST(Pool, AcquireCanBeBoundedWithWaitFor) {
  Registry registry;
  corio::run(acquire_times_out(registry), virtual_time());
}

Task<void> health_check_on_return(Registry& registry) {
  Pool<FakeDbConnection> pool(connect_to(registry), corio::PoolOptions{.max_size = 1},
                              [](FakeDbConnection& c) { return !c.broken; });
  {
    auto lease = co_await pool.acquire();
    EXPECT_EQ(lease->id, 1);
    lease->broken = true;  // e.g. the server dropped it
  }
  {
    auto lease = co_await pool.acquire();  // the broken one was closed and replaced
    EXPECT_EQ(lease->id, 2);
  }
  {
    auto lease = co_await pool.acquire();  // a healthy one is reused
    EXPECT_EQ(lease->id, 2);
    lease.discard();
  }
  co_await pool.aclose();
}

TEST(Pool, UnhealthyResourcesAreClosedAndReplaced) {
  Registry registry;
  corio::run(health_check_on_return(registry), virtual_time());
  EXPECT_EQ(registry.opened, 2);
  EXPECT_EQ(registry.closed, 2);
}

Task<void> hold_for(Pool<FakeDbConnection>& pool, corio::Duration d) {
  auto lease = co_await pool.acquire();
  co_await corio::sleep(d);
}

Task<void> aclose_waits_for_leases(Registry& registry) {
  Pool<FakeDbConnection> pool(connect_to(registry), corio::PoolOptions{.max_size = 3});
  auto a = corio::create_task(hold_for(pool, 50ms));
  auto b = corio::create_task(hold_for(pool, 80ms));
  co_await corio::sleep(10ms);
  const auto start = corio::Clock::now();
  co_await pool.aclose();  // waits for both leases, then closes both connections
  EXPECT_EQ(elapsed_since(start), 75ms + 2 * 1ms);  // b returns at 5 + 80 ms; then two 1 ms closes
  EXPECT_EQ(registry.closed, 2);
  co_await a;
  co_await b;
}

TEST(Pool, AcloseClosesEverythingOnceLeasesReturn) {
  Registry registry;
  corio::run(aclose_waits_for_leases(registry), virtual_time());
}

Task<void> factory_failure_frees_the_slot() {
  int attempts = 0;
  Pool<int> pool([&attempts]() -> Task<int> {
    co_await corio::sleep(1ms);
    if (++attempts == 1) throw std::runtime_error("database unavailable");
    co_return attempts;
  }, corio::PoolOptions{.max_size = 1});
  try {
    auto first = co_await pool.acquire();
    ADD_FAILURE() << "expected the first connect to fail, got " << *first;
  } catch (const std::runtime_error&) {
    EXPECT_EQ(pool.size(), 0u);
  }
  auto lease = co_await pool.acquire();
  EXPECT_EQ(*lease, 2);
}

TEST(Pool, AFailedCreationFreesItsSlot) { corio::run(factory_failure_frees_the_slot(), virtual_time()); }

}  // namespace
