// Concurrency: gather (fail-fast and return_exceptions), create_task, wait_for, cancellation.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace std::chrono_literals;
using corio::Task;
using corio::TaskHandle;
using corio::testing::after;
using corio::testing::elapsed_since;
using corio::testing::fail_after;
using corio::testing::Outcome;
using corio::testing::tracked;
using corio::testing::virtual_time;

namespace {


// --- gather --------------------------------------------------------------------------------------

// Concurrent: the three run at the same time, so the whole takes the longest delay (200 ms).
Task<void> get_user_data_fast() {
  const auto start = corio::Clock::now();
  try {
    auto [user, orders, profile] = co_await corio::gather(after(100ms, 1), after(200ms, 2), after(150ms, 3));
    EXPECT_EQ(user + orders + profile, 6);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(elapsed_since(start), 200ms);
}

TEST(Gather, TakesTheLongestDelayNotTheSum) { corio::run(get_user_data_fast(), virtual_time()); }

Task<void> log_event() { co_await corio::sleep(10ms); }

Task<void> void_results_are_monostate() {
  try {
    auto [logged, value] = co_await corio::gather(log_event(), after(5ms, 9));
    EXPECT_EQ(logged, std::monostate{});
    EXPECT_EQ(value, 9);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(Gather, VoidResultsAreMonostate) { corio::run(void_results_are_monostate(), virtual_time()); }

Task<void> gather_a_vector() {
  std::vector<Task<int>> tasks;
  for (int i = 0; i < 100; ++i) tasks.push_back(after(std::chrono::milliseconds(100 - i), i));
  const auto start = corio::Clock::now();
  try {
    std::vector<int> values = co_await corio::gather(std::move(tasks));
    EXPECT_EQ(values.size(), 100u);
    for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(values[i], static_cast<int>(i));  // in argument order, not finishing order
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(elapsed_since(start), 100ms);
}

TEST(Gather, VectorFormKeepsArgumentOrder) { corio::run(gather_a_vector(), virtual_time()); }

// The tutorial's "RIGHT" version: return_exceptions keeps the siblings' results and every result is
// checked before use.
Task<void> get_user_data_safe(Outcome& outcome) {
  auto [user, orders, profile] = co_await corio::gather(
      corio::return_exceptions, tracked(outcome, 100ms, 1), fail_after(50ms, "orders service down"),
      tracked(outcome, 150ms, 3));
  EXPECT_TRUE(user.ok());
  if (user.ok()) EXPECT_EQ(user.value(), 1);
  EXPECT_FALSE(orders);
  if (!orders) {
    try {
      std::rethrow_exception(orders.error());
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "orders service down");
    }
  }
  const int order_count = orders ? orders.value() : 0;  // default when the call failed
  EXPECT_EQ(order_count, 0);
  EXPECT_TRUE(profile);
  if (profile) EXPECT_EQ(profile.value(), 3);
}

TEST(Gather, ReturnExceptionsKeepsSiblingResultsAndTheFailureIsInspectable) {
  Outcome outcome;
  corio::run(get_user_data_safe(outcome), virtual_time());
  EXPECT_EQ(outcome.finished, 2);
  EXPECT_EQ(outcome.cancelled, 0);
}

Task<void> settled_vector() {
  std::vector<Task<int>> tasks;
  tasks.push_back(after(1ms, 1));
  tasks.push_back(fail_after(2ms, "two"));
  tasks.push_back(after(3ms, 3));
  auto results = co_await corio::gather(corio::return_exceptions, std::move(tasks));
  int sum = 0;
  int failures = 0;
  for (auto& r : results) {
    if (r) sum += r.value();
    else ++failures;
  }
  EXPECT_EQ(sum, 4);
  EXPECT_EQ(failures, 1);
}

TEST(Gather, ReturnExceptionsVectorForm) { corio::run(settled_vector(), virtual_time()); }

// Fail-fast: the first failure cancels the siblings, which are awaited before the exception
// propagates: when the co_await throws, no child is still running.
Task<void> fail_fast(Outcome& outcome) {
  const auto start = corio::Clock::now();
  try {
    co_await corio::gather(tracked(outcome, 100ms, 1), fail_after(50ms, "boom"), tracked(outcome, 200ms, 3));
    ADD_FAILURE() << "gather should have thrown";
  } catch (const std::exception& e) {
    EXPECT_STREQ(e.what(), "boom");
    EXPECT_EQ(outcome.running, 0);  // no orphans
    EXPECT_EQ(outcome.cancelled, 2);
  }
  EXPECT_EQ(elapsed_since(start), 50ms);
  co_await corio::sleep(1s);  // nothing left behind finishes later
  EXPECT_EQ(outcome.finished, 0);
}

TEST(Gather, FailFastCancelsSiblingsAndNoTaskOutlivesIt) {
  Outcome outcome;
  corio::run(fail_fast(outcome), virtual_time());
  EXPECT_EQ(outcome.cancelled, 2);
  EXPECT_EQ(outcome.running, 0);
}

Task<int> fail_now() { throw std::invalid_argument("bad id"); co_return 0; }

Task<void> synchronous_failure_stops_the_rest(Outcome& outcome) {
  try {
    co_await corio::gather(tracked(outcome, 10ms, 1), fail_now(), tracked(outcome, 10ms, 3));
  } catch (const std::exception& e) {
    EXPECT_NE(dynamic_cast<const std::invalid_argument*>(&e), nullptr);
    EXPECT_EQ(outcome.running, 0);
  }
}

TEST(Gather, ASynchronousFailureCancelsStartedTasksAndSkipsTheRest) {
  Outcome outcome;
  corio::run(synchronous_failure_stops_the_rest(outcome), virtual_time());
  EXPECT_EQ(outcome.cancelled, 1);  // the first had started; the third never ran
  EXPECT_EQ(outcome.finished, 0);
}

Task<void> gather_of_nothing() {
  try {
    std::tuple<> none = co_await corio::gather();
    (void)none;
    auto empty = co_await corio::gather(std::vector<Task<int>>{});
    EXPECT_TRUE(empty.empty());
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(Gather, EmptyGatherCompletesImmediately) { corio::run(gather_of_nothing(), virtual_time()); }

// Regression (#17): children started with create_task that fail in the same loop step. The first
// failure is rethrown; the others were gathered too, so none is "never retrieved" (asyncio's gather
// marks them retrieved).
Task<void> handles_failing_together(int& caught) {
  std::vector<TaskHandle<int>> handles;
  handles.push_back(corio::create_task(fail_after(10ms, "first")));
  handles.push_back(corio::create_task(fail_after(10ms, "second")));
  handles.push_back(corio::create_task(fail_after(10ms, "third")));
  try {
    co_await corio::gather(std::move(handles));
    ADD_FAILURE() << "gather should have thrown";
  } catch (const std::exception& e) {
    EXPECT_STREQ(e.what(), "first");
    ++caught;
  }
}

TEST(Gather, HandlesFailingInTheSameStepAreAllRetrieved) {
  std::vector<corio::UnobservedException> reports;
  corio::RunOptions options = virtual_time();
  options.on_unobserved_exception = [&](const corio::UnobservedException& u) { reports.push_back(u); };
  int caught = 0;
  corio::run(handles_failing_together(caught), options);
  EXPECT_EQ(caught, 1);
  EXPECT_TRUE(reports.empty()) << reports.size() << " failure(s) reported as never retrieved, first: "
                               << (reports.empty() ? "" : reports[0].task_name);
}

// --- create_task ---------------------------------------------------------------------------------

Task<void> record_after(std::vector<std::string>& log, corio::Duration delay, std::string event) {
  co_await corio::sleep(delay);
  log.push_back(event);
}

Task<std::string> process_data() {
  co_await corio::sleep(100ms);
  co_return "processed";
}

// Fire and continue: logging starts now, processing continues, and the log task is joined later.
Task<void> process_request(std::vector<std::string>& log) {
  const auto start = corio::Clock::now();
  TaskHandle<void> logging = corio::create_task(record_after(log, 500ms, "request_processed"));
  std::string result = co_await process_data();
  EXPECT_EQ(result, "processed");
  EXPECT_EQ(elapsed_since(start), 100ms);
  EXPECT_FALSE(logging.done());
  co_await logging;
  EXPECT_EQ(elapsed_since(start), 500ms);
}

TEST(CreateTask, FireAndContinueThenJoin) {
  std::vector<std::string> log;
  corio::run(process_request(log), virtual_time());
  EXPECT_EQ(log, std::vector<std::string>{"request_processed"});
}

Task<int> process_user(int id) {
  co_await corio::sleep(std::chrono::milliseconds(10 * id));
  co_return id * 100;
}

// Several background tasks, then `await asyncio.gather(*tasks)`.
Task<void> background_tasks_gathered() {
  std::vector<TaskHandle<int>> tasks;
  tasks.push_back(corio::create_task(process_user(1)));
  tasks.push_back(corio::create_task(process_user(2)));
  tasks.push_back(corio::create_task(process_user(3)));
  try {
    std::vector<int> results = co_await corio::gather(std::move(tasks));
    EXPECT_EQ(results, (std::vector<int>{100, 200, 300}));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(CreateTask, SeveralBackgroundTasksGathered) { corio::run(background_tasks_gathered(), virtual_time()); }

Task<void> task_starts_when_the_creator_suspends() {
  std::vector<std::string> log;
  TaskHandle<void> handle = corio::create_task(record_after(log, 0ms, "child"));
  log.push_back("parent");
  co_await handle;
  EXPECT_EQ(log, (std::vector<std::string>{"parent", "child"}));
}

TEST(CreateTask, StartsOnTheLoopNotInline) { corio::run(task_starts_when_the_creator_suspends(), virtual_time()); }

Task<void> await_a_failed_task() {
  TaskHandle<int> handle = corio::create_task(fail_after(10ms, "background failure"));
  try {
    co_await handle;
    ADD_FAILURE() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "background failure");
  }
}

TEST(CreateTask, AwaitingTheHandleRethrows) { corio::run(await_a_failed_task(), virtual_time()); }

Task<void> cancel_a_task(Outcome& outcome) {
  TaskHandle<int> handle = corio::create_task(tracked(outcome, 10s, 1));
  co_await corio::sleep(1s);
  handle.cancel();
  try {
    co_await handle;
    ADD_FAILURE() << "expected CancelledError";
  } catch (const corio::CancelledError&) {
    EXPECT_TRUE(handle.cancelled());
  }
}

TEST(CreateTask, CancelRaisesCancelledErrorInsideTheTask) {
  Outcome outcome;
  corio::run(cancel_a_task(outcome), virtual_time());
  EXPECT_EQ(outcome.cancelled, 1);
  EXPECT_EQ(outcome.finished, 0);
}

Task<void> cancel_before_start(Outcome& outcome) {
  TaskHandle<int> handle = corio::create_task(tracked(outcome, 1s, 1));
  handle.cancel();
  try {
    co_await handle;
  } catch (const corio::CancelledError&) {
    EXPECT_TRUE(handle.cancelled());
  }
}

TEST(CreateTask, CancelledBeforeItStartsTheBodyNeverRuns) {
  Outcome outcome;
  corio::run(cancel_before_start(outcome), virtual_time());
  EXPECT_EQ(outcome.running + outcome.cancelled + outcome.finished, 0);
}

Task<void> fails_in_background() {
  co_await corio::sleep(10ms);
  throw std::runtime_error("nobody looked");
}

Task<void> lose_a_failure() {
  // The mistake under test: the handle is kept but never awaited, so the failure is lost until the
  // loop reports it.
  std::vector<TaskHandle<void>> forgotten;
  forgotten.push_back(corio::create_task(fails_in_background()));
  co_await corio::sleep(1s);
}

TEST(CreateTask, AnUnobservedFailureIsReportedWhenTheLoopEnds) {
  std::vector<corio::UnobservedException> reports;
  corio::RunOptions options = virtual_time();
  options.on_unobserved_exception = [&](const corio::UnobservedException& u) { reports.push_back(u); };
  corio::run(lose_a_failure(), options);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_NE(reports[0].task_name.find("fails_in_background"), std::string::npos) << reports[0].task_name;
  EXPECT_THROW(std::rethrow_exception(reports[0].error), std::runtime_error);
}

TEST(CreateTask, TheProcessWideHandlerIsReplaceable) {
  int reported = 0;
  auto previous = corio::set_unobserved_exception_handler([&](const corio::UnobservedException&) { ++reported; });
  corio::run(lose_a_failure(), virtual_time());
  corio::set_unobserved_exception_handler(previous);
  EXPECT_EQ(reported, 1);
}

Task<void> leave_a_task_running(Outcome& outcome, std::vector<TaskHandle<int>>& keep) {
  keep.push_back(corio::create_task(tracked(outcome, 1h, 1)));
  co_await corio::sleep(1ms);
}

TEST(CreateTask, RunCancelsTasksStillRunningWhenTheMainTaskReturns) {
  Outcome outcome;
  std::vector<TaskHandle<int>> keep;
  corio::run(leave_a_task_running(outcome, keep), virtual_time());
  EXPECT_EQ(outcome.cancelled, 1);
  EXPECT_TRUE(keep.at(0).cancelled());
}

Task<void> cancelling_the_awaiter_cancels_the_awaited(Outcome& outcome) {
  TaskHandle<int> inner = corio::create_task(tracked(outcome, 10s, 1));
  auto await_inner = [](TaskHandle<int>& h) -> Task<int> { co_return co_await h; };
  try {
    co_await corio::wait_for(await_inner(inner), 1s);
  } catch (const corio::TimeoutError&) {
    EXPECT_TRUE(inner.done());
  }
}

TEST(CreateTask, CancellingTheAwaiterCancelsTheAwaitedTask) {
  Outcome outcome;
  corio::run(cancelling_the_awaiter_cancels_the_awaited(outcome), virtual_time());
  EXPECT_EQ(outcome.cancelled, 1);
}

// --- wait_for and cancellation -------------------------------------------------------------------

Task<std::string> fetch_external_api(Outcome& outcome) {
  co_await tracked(outcome, 10s, 0);
  co_return "data";
}

Task<void> fetch_with_timeout(Outcome& outcome) {
  const auto start = corio::Clock::now();
  try {
    std::string result = co_await corio::wait_for(fetch_external_api(outcome), 5s);
    ADD_FAILURE() << "unexpected " << result;
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(elapsed_since(start), 5s);
    EXPECT_EQ(outcome.running, 0);  // the operation was cancelled, not left running
  }
}

TEST(WaitFor, TimesOutAtFiveSecondsAgainstATenSecondOperationAndCancelsIt) {
  Outcome outcome;
  corio::run(fetch_with_timeout(outcome), virtual_time());
  EXPECT_EQ(outcome.cancelled, 1);
  EXPECT_EQ(outcome.finished, 0);
}

Task<void> fast_enough() {
  try {
    int v = co_await corio::wait_for(after(1s, 5), 5s);
    EXPECT_EQ(v, 5);
    co_await corio::sleep(10s);  // the disarmed deadline cancels nothing later
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(WaitFor, ReturnsTheValueWhenInTime) { corio::run(fast_enough(), virtual_time()); }

Task<void> timeout_around_gather(Outcome& outcome) {
  try {
    co_await corio::wait_for(corio::gather(tracked(outcome, 1s, 1), tracked(outcome, 10s, 2)), 2s);
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(outcome.running, 0);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(WaitFor, CancelsEveryChildOfAGather) {
  Outcome outcome;
  corio::run(timeout_around_gather(outcome), virtual_time());
  EXPECT_EQ(outcome.finished, 1);
  EXPECT_EQ(outcome.cancelled, 1);
}

Task<void> swallow_cancellation_and_clean_up(std::vector<std::string>& log) {
  try {
    co_await corio::sleep(1h);
  } catch (const corio::CancelledError&) {
    log.push_back("cancelled");
  }
  co_await corio::sleep(1s);  // cleanup may await again: the request was delivered once
  log.push_back("cleaned up");
}

Task<void> cleanup_after_cancellation(std::vector<std::string>& log) {
  TaskHandle<void> handle = corio::create_task(swallow_cancellation_and_clean_up(log));
  co_await corio::sleep(1s);
  handle.cancel();
  co_await handle;  // it swallowed the cancellation, so it completes normally
}

TEST(Cancellation, IsDeliveredOnceAndCleanupCanAwait) {
  std::vector<std::string> log;
  corio::run(cleanup_after_cancellation(log), virtual_time());
  EXPECT_EQ(log, (std::vector<std::string>{"cancelled", "cleaned up"}));
}

}  // namespace
