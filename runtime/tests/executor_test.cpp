// run_in_executor (blocking and CPU-bound work off the loop), the thread pool, and debug mode.
// Built with ThreadSanitizer in CI.
#include <gtest/gtest.h>

#include <cstdint>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

using namespace std::chrono_literals;
using corio::Task;
using corio::testing::virtual_time;

namespace {

// def cpu_bound_task(n): return sum(i * i for i in range(n))
std::uint64_t sum_of_squares(std::uint64_t n) {
  std::uint64_t sum = 0;
  for (std::uint64_t i = 0; i < n; ++i) sum += i * i;
  return sum;
}

constexpr std::uint64_t expected_sum(std::uint64_t n) {
  const unsigned __int128 m = n;  // the product overflows 64 bits before the division
  return n == 0 ? 0 : static_cast<std::uint64_t>((m - 1) * m * (2 * m - 1) / 6);
}

Task<void> run_cpu_bound_tasks() {
  std::vector<Task<std::uint64_t>> tasks;
  for (std::uint64_t n : {1'000'000u, 2'000'000u, 3'000'000u}) {
    tasks.push_back(corio::run_in_executor([n] { return sum_of_squares(n); }));
  }
  try {
    std::vector<std::uint64_t> sums = co_await corio::gather(std::move(tasks));
    EXPECT_EQ(sums, (std::vector<std::uint64_t>{expected_sum(1'000'000), expected_sum(2'000'000),
                                                expected_sum(3'000'000)}));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(RunInExecutor, CpuBoundWorkRunsOnThePool) { corio::run(run_cpu_bound_tasks()); }

// A blocking call (here: waiting for a signal) runs on a pool thread while the loop keeps serving a
// ticker; the ticker is what releases the blocking call, which proves the loop stayed responsive.
Task<int> ticker(int& ticks, std::promise<void>& release) {
  for (int i = 0; i < 3; ++i) {
    co_await corio::sleep(10ms);
    ++ticks;
  }
  release.set_value();
  co_return ticks;
}

Task<void> blocking_call_while_loop_is_responsive() {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  int ticks = 0;
  try {
    auto [from_thread, ticked] = co_await corio::gather(corio::run_in_executor([released] {
                                                          released.wait();  // blocks a pool thread, not the loop
                                                          return std::string("from a blocking library");
                                                        }),
                                                        ticker(ticks, release));
    EXPECT_EQ(from_thread, "from a blocking library");
    EXPECT_EQ(ticked, 3);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(RunInExecutor, BlockingCallKeepsTheLoopResponsive) {
  corio::run(blocking_call_while_loop_is_responsive(), virtual_time());
}

Task<void> exception_from_the_pool() {
  try {
    co_await corio::run_in_executor([]() -> int { throw std::runtime_error("disk on fire"); });
    ADD_FAILURE() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "disk on fire");
  }
}

TEST(RunInExecutor, ExceptionsComeBackToTheAwaiter) { corio::run(exception_from_the_pool()); }

Task<void> timeout_on_a_stuck_call(std::shared_future<void> released, std::promise<void>& release) {
  try {
    co_await corio::wait_for(corio::run_in_executor([released] { released.wait(); }), 1s);
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    SUCCEED();
  }
  release.set_value();  // let the abandoned call finish; its result is dropped
}

TEST(RunInExecutor, ATimeoutDoesNotWaitForTheThread) {
  std::promise<void> release;
  corio::run(timeout_on_a_stuck_call(release.get_future().share(), release), virtual_time());
}

Task<int> on_my_pool(corio::ThreadPool& pool) {
  std::vector<Task<std::thread::id>> tasks;
  for (int i = 0; i < 8; ++i) tasks.push_back(corio::run_in_executor(pool, [] { return std::this_thread::get_id(); }));
  int off_loop = 0;
  try {
    for (std::thread::id id : co_await corio::gather(std::move(tasks))) off_loop += id != std::this_thread::get_id();
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  co_return off_loop;
}

TEST(RunInExecutor, OnAnExplicitPool) {
  corio::ThreadPool pool(2);
  EXPECT_EQ(corio::run(on_my_pool(pool)), 8);
}

Task<int> many_small_jobs() {
  std::vector<Task<int>> tasks;
  for (int i = 0; i < 500; ++i) tasks.push_back(corio::run_in_executor([i] { return i; }));
  int sum = 0;
  try {
    for (int v : co_await corio::gather(std::move(tasks))) sum += v;
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  co_return sum;
}

TEST(RunInExecutor, ManyJobsRaceBackThroughTheInbox) { EXPECT_EQ(corio::run(many_small_jobs()), 499 * 500 / 2); }

// --- Debug mode ------------------------------------------------------------------------------------

Task<void> blocker() {
  co_await corio::yield_now();
  std::this_thread::sleep_for(30ms);  // NOLINT(coro-blocking-call): debug mode must see a step that blocks the loop
}

TEST(DebugMode, ReportsAStepThatBlocksTheLoopWithTheTaskName) {
  std::vector<corio::SlowStep> reports;
  corio::RunOptions options;
  options.debug = true;
  options.slow_step_threshold = 20ms;
  options.on_slow_step = [&](const corio::SlowStep& step) { reports.push_back(step); };
  corio::run(blocker(), options);
  ASSERT_FALSE(reports.empty());
  EXPECT_NE(reports[0].task_name.find("blocker"), std::string::npos) << reports[0].task_name;
  EXPECT_GE(reports[0].duration, 30ms);
}

Task<void> well_behaved() {
  co_await corio::sleep(1s);
  co_await corio::run_in_executor([] { std::this_thread::sleep_for(300ms); });  // blocking, but off the loop
}

TEST(DebugMode, BlockingWorkOnTheExecutorIsNotReported) {
  // The margin between the loop's own steps and the threshold is wide, and the pool's threads are
  // started before the run, so a slow (sanitized, loaded) machine does not produce a report.
  (void)corio::ThreadPool::shared();
  std::vector<corio::SlowStep> reports;
  corio::RunOptions options = virtual_time();
  options.debug = true;
  options.slow_step_threshold = 200ms;
  options.on_slow_step = [&](const corio::SlowStep& step) { reports.push_back(step); };
  corio::run(well_behaved(), options);
  EXPECT_TRUE(reports.empty());
}

}  // namespace
