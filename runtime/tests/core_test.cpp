// The three keywords (async def / await / asyncio.run), sleeping, yielding and the virtual clock.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

using namespace std::chrono_literals;
using corio::Task;
using corio::testing::elapsed_since;
using corio::testing::virtual_time;

namespace {

struct User {
  int id;
  std::string name;
};

// async def fetch_user_async(user_id): await asyncio.sleep(0.1); return {"id": user_id}
Task<User> fetch_user(int id) {
  co_await corio::sleep(100ms);
  co_return User{id, "User" + std::to_string(id)};
}

Task<std::vector<std::string>> fetch_orders(int) {
  co_await corio::sleep(200ms);
  co_return std::vector<std::string>{"Book"};
}

Task<std::string> fetch_profile(int) {
  co_await corio::sleep(150ms);
  co_return "Developer";
}

Task<int> answer() { co_return 42; }

TEST(Core, RunReturnsTheValueOfTheMainTask) { EXPECT_EQ(corio::run(answer()), 42); }

Task<int> add_awaited(int x) { co_return x + co_await answer(); }

TEST(Core, AwaitRunsTheCoroutineAndReturnsItsValue) { EXPECT_EQ(corio::run(add_awaited(1)), 43); }

Task<void> count_calls(int& calls) {
  ++calls;
  co_return;
}

Task<void> create_without_awaiting_then_await(int& calls) {
  Task<void> pending = count_calls(calls);  // a Task is lazy: nothing has run yet
  EXPECT_EQ(calls, 0);
  co_await std::move(pending);
  EXPECT_EQ(calls, 1);
}

TEST(Core, TasksAreLazyUntilAwaited) {
  int calls = 0;
  corio::run(create_without_awaiting_then_await(calls));
  EXPECT_EQ(calls, 1);
}

// Sequential awaits take the sum of the delays: 100 + 200 + 150 = 450 ms.
Task<corio::Duration> get_user_data_slow(int id) {
  const auto start = corio::Clock::now();
  User user = co_await fetch_user(id);
  auto orders = co_await fetch_orders(id);
  std::string profile = co_await fetch_profile(id);
  EXPECT_EQ(user.id, id);
  EXPECT_EQ(orders.size(), 1u);
  EXPECT_EQ(profile, "Developer");
  co_return elapsed_since(start);
}

TEST(Core, SequentialAwaitsTakeTheSumOfTheDelays) {
  EXPECT_EQ(corio::run(get_user_data_slow(7), virtual_time()), 450ms);
}

Task<void> throws_after_sleep() {
  co_await corio::sleep(10ms);
  throw std::runtime_error("database is down");
}

Task<std::string> catch_awaited_exception() {
  try {
    co_await throws_after_sleep();
  } catch (const std::runtime_error& e) {
    co_return e.what();
  }
  co_return "no exception";
}

TEST(Core, AwaitRethrowsTheCoroutinesException) {
  EXPECT_EQ(corio::run(catch_awaited_exception(), virtual_time()), "database is down");
}

TEST(Core, RunRethrowsTheMainTasksException) {
  EXPECT_THROW(corio::run(throws_after_sleep(), virtual_time()), std::runtime_error);
}

Task<corio::Duration> sleep_zero_and_yield() {
  const auto start = corio::Clock::now();
  co_await corio::sleep(0ms);
  co_await corio::yield_now();
  co_return elapsed_since(start);
}

TEST(Core, YieldAndZeroSleepDoNotAdvanceTheClock) {
  EXPECT_EQ(corio::run(sleep_zero_and_yield(), virtual_time()), 0ms);
}

Task<void> append_each_step(std::vector<std::string>& log, std::string name, int steps) {
  for (int i = 0; i < steps; ++i) {
    log.push_back(name + std::to_string(i));
    co_await corio::yield_now();
  }
}

Task<void> interleave(std::vector<std::string>& log) {
  try {
    co_await corio::gather(append_each_step(log, "a", 3), append_each_step(log, "b", 3));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(Core, YieldLetsEveryReadyTaskRunInTurn) {
  std::vector<std::string> log;
  corio::run(interleave(log), virtual_time());
  EXPECT_EQ(log, (std::vector<std::string>{"a0", "b0", "a1", "b1", "a2", "b2"}));
}

Task<std::vector<int>> timers_fire_in_deadline_order() {
  std::vector<int> order;
  auto sleeper = [](std::vector<int>& out, int ms) -> Task<void> {
    co_await corio::sleep(std::chrono::milliseconds(ms));
    out.push_back(ms);
  };
  try {
    co_await corio::gather(sleeper(order, 30), sleeper(order, 10), sleeper(order, 20), sleeper(order, 10));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  co_return order;
}

TEST(Core, TimersFireInDeadlineOrderAndTiesInArmingOrder) {
  EXPECT_EQ(corio::run(timers_fire_in_deadline_order(), virtual_time()), (std::vector<int>{10, 10, 20, 30}));
}

Task<corio::Duration> sleep_until_deadline() {
  const auto start = corio::Clock::now();
  co_await corio::sleep_until(start + 2s);
  co_return elapsed_since(start);
}

TEST(Core, SleepUntilWakesAtTheDeadline) {
  EXPECT_EQ(corio::run(sleep_until_deadline(), virtual_time()), 2s);
}

Task<int> nested_run_is_refused() {
  EXPECT_THROW(corio::run(answer()), corio::NestedRunError);  // NOLINT(coro-nested-loop-run): this test checks that the nested call is refused
  co_return co_await answer();  // the right way: await it
}

TEST(Core, NestedRunThrowsNestedRunError) { EXPECT_EQ(corio::run(nested_run_is_refused()), 42); }

Task<void> wait_on_empty_queue() {
  corio::Queue<int> nobody_puts;
  co_await nobody_puts.get();
}

TEST(Core, ADeadlockIsAnErrorNotAHang) {
  EXPECT_THROW(corio::run(wait_on_empty_queue(), virtual_time()), corio::DeadlockError);
}

Task<void> sleep_for_real(corio::Duration d) { co_await corio::sleep(d); }

TEST(Core, TheRealClockAlsoWorks) {
  const auto start = std::chrono::steady_clock::now();
  corio::run(sleep_for_real(2ms));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 2ms);
}

TEST(Core, ALoopCanRunAgainAfterTheFirstEnds) {
  EXPECT_EQ(corio::run(answer()), 42);
  EXPECT_EQ(corio::run(get_user_data_slow(1), virtual_time()), 450ms);
}

Task<long> many_trivial_awaits() {
  long sum = 0;
  for (int i = 0; i < 100000; ++i) sum += co_await answer();
  co_return sum;
}

TEST(Core, AwaitingInALoopDoesNotGrowTheStack) {
  EXPECT_EQ(corio::run(many_trivial_awaits()), 4200000);
}

}  // namespace
