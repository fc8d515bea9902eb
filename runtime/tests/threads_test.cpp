// Structured concurrency and synchronisation with executor threads in play: task groups, wait,
// timeout scopes, Lock/Condition/Event around run_in_executor. Built with ThreadSanitizer in CI.
// Blocking jobs wait on a std::promise that the loop releases, so every outcome is deterministic.
#include <gtest/gtest.h>

#include <cstdint>
#include <future>
#include <stdexcept>
#include <vector>

#include "test_support.hpp"

using namespace std::chrono_literals;
using corio::Task;
using corio::TaskGroup;
using corio::TaskHandle;
using corio::testing::virtual_time;

namespace {

std::uint64_t sum_below(std::uint64_t n) {
  std::uint64_t sum = 0;
  for (std::uint64_t i = 0; i < n; ++i) sum += i;
  return sum;
}

Task<std::uint64_t> crunch(std::uint64_t n) {
  co_return co_await corio::run_in_executor([n] { return sum_below(n); });
}

// A job that blocks its pool thread until the loop opens the gate.
Task<int> gated(std::shared_future<void> gate, int value) {
  co_return co_await corio::run_in_executor([gate, value] {
    gate.wait();
    return value;
  });
}

Task<void> group_of_pool_jobs() {
  std::vector<corio::ChildHandle<std::uint64_t>> parts;
  co_await corio::task_group([&](TaskGroup& g) -> Task<void> {
    for (std::uint64_t n : {100'000u, 200'000u, 300'000u, 400'000u}) parts.push_back(g.create_task(crunch(n)));
    co_return;
  });
  std::uint64_t total = 0;
  for (auto& part : parts) total += part.result();
  EXPECT_EQ(total, sum_below(100'000) + sum_below(200'000) + sum_below(300'000) + sum_below(400'000));
}

TEST(ThreadsTaskGroup, ChildrenRunningOnThePoolAreAllJoined) { corio::run(group_of_pool_jobs()); }

Task<int> fail_on_pool() {
  co_return co_await corio::run_in_executor([]() -> int { throw std::runtime_error("pool job failed"); });
}

// A failing pool job cancels its siblings, which are blocked on pool threads: the scope ends at
// once (their results are dropped when the jobs finish), with the one failure.
Task<void> group_failure_with_blocked_siblings(std::promise<void>& open) {
  std::shared_future<void> gate = open.get_future().share();
  std::vector<corio::ChildHandle<int>> blocked;
  try {
    co_await corio::task_group([&](TaskGroup& g) -> Task<void> {
      blocked.push_back(g.create_task(gated(gate, 1)));
      blocked.push_back(g.create_task(gated(gate, 2)));
      g.create_task(fail_on_pool());
      co_return;
    });
    ADD_FAILURE() << "the group should have failed";
  } catch (const corio::ExceptionGroup& group) {
    EXPECT_EQ(group.size(), 1u);
    EXPECT_EQ(group.count<std::runtime_error>(), 1u);
  }
  for (auto& child : blocked) EXPECT_TRUE(child.cancelled());
  open.set_value();  // the loop's teardown waits for the dropped jobs
}

TEST(ThreadsTaskGroup, AFailingPoolJobCancelsBlockedSiblings) {
  std::promise<void> open;
  corio::run(group_failure_with_blocked_siblings(open), virtual_time());
}

Task<int> quick(int value) {
  co_return co_await corio::run_in_executor([value] { return value; });
}

// wait(FIRST_COMPLETED) over pool jobs: the blocked one cannot win.
Task<void> first_of_pool_jobs(std::promise<void>& open) {
  std::shared_future<void> gate = open.get_future().share();
  std::vector<TaskHandle<int>> tasks;
  tasks.push_back(corio::create_task(gated(gate, 1)));
  tasks.push_back(corio::create_task(quick(2)));
  auto [done, pending] = co_await corio::wait(std::move(tasks), corio::FIRST_COMPLETED);
  EXPECT_EQ(done.size(), 1u);
  EXPECT_EQ(pending.size(), 1u);
  for (auto& task : done) {
    if (task.exception() == nullptr) EXPECT_EQ(task.result(), 2);
  }
  open.set_value();
  auto [rest, none] = co_await corio::wait(std::move(pending));
  EXPECT_TRUE(none.empty());
  for (auto& task : rest) {
    if (task.exception() == nullptr) EXPECT_EQ(task.result(), 1);
  }
}

TEST(ThreadsWait, FirstCompletedAmongPoolJobs) {
  std::promise<void> open;
  corio::run(first_of_pool_jobs(open), virtual_time());
}

// A timeout scope around a pool job that cannot finish: the await is abandoned at the deadline.
Task<void> timeout_over_pool_job(std::promise<void>& open) {
  std::shared_future<void> gate = open.get_future().share();
  const auto start = corio::Clock::now();
  try {
    co_await corio::timeout(2s, [&]() -> Task<void> {
      co_await quick(1);
      co_await gated(gate, 2);
    });
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(corio::Clock::now() - start, 2s);
  }
  open.set_value();
}

TEST(ThreadsTimeout, AbandonsABlockedPoolJobAtTheDeadline) {
  std::promise<void> open;
  corio::run(timeout_over_pool_job(open), virtual_time());
}

// Producers compute on the pool, then publish under the Lock and notify; an Event says "all done".
struct Results {
  corio::Lock lock;
  corio::Condition changed{lock};
  corio::Event finished;
  std::vector<std::uint64_t> values;
};

Task<void> produce(Results& results, std::uint64_t n) {
  std::uint64_t value = co_await crunch(n);
  auto guard = co_await results.lock.acquire();
  results.values.push_back(value);
  results.changed.notify_all();
}

Task<std::size_t> consume(Results& results, std::size_t expected) {
  auto guard = co_await results.lock.acquire();
  co_await results.changed.wait_for(guard, [&] { return results.values.size() == expected; });
  results.finished.set();
  co_return results.values.size();
}

Task<void> lock_condition_event_with_pool() {
  Results results;
  std::size_t seen = 0;
  co_await corio::task_group([&](TaskGroup& g) -> Task<void> {
    auto consumer = g.create_task(consume(results, 8));
    for (std::uint64_t n = 1; n <= 8; ++n) g.create_task(produce(results, n * 10'000));
    co_await results.finished.wait();
    seen = co_await consumer.join();
  });
  EXPECT_EQ(seen, 8u);
  std::uint64_t total = 0;
  for (auto v : results.values) total += v;
  std::uint64_t expected = 0;
  for (std::uint64_t n = 1; n <= 8; ++n) expected += sum_below(n * 10'000);
  EXPECT_EQ(total, expected);
  EXPECT_FALSE(results.lock.locked());
}

TEST(ThreadsSync, LockConditionAndEventAroundPoolResults) { corio::run(lock_condition_event_with_pool()); }

}  // namespace
