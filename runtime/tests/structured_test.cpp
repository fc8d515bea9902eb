// Structured concurrency: task_group, timeout scopes and shield, wait and as_completed.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace std::chrono_literals;
using corio::ChildHandle;
using corio::Task;
using corio::TaskGroup;
using corio::TaskHandle;
using corio::testing::after;
using corio::testing::elapsed_since;
using corio::testing::fail_after;
using corio::testing::Outcome;
using corio::testing::tracked;
using corio::testing::virtual_time;

namespace {


// Records every failure nobody retrieved.
struct Unobserved {
  std::vector<corio::UnobservedException> reports;
  corio::RunOptions options() {
    corio::RunOptions o = virtual_time();
    o.on_unobserved_exception = [this](const corio::UnobservedException& u) { reports.push_back(u); };
    return o;
  }
};

// --- task_group ------------------------------------------------------------------------------------

// The gather example as a task group: the three run at once; the scope ends when all have.
Task<void> get_user_data_in_a_group() {
  const auto start = corio::Clock::now();
  ChildHandle<int> user, orders, profile;
  try {
    co_await corio::task_group([&](TaskGroup& g) -> Task<void> {
      user = g.create_task(after(100ms, 1));
      orders = g.create_task(after(200ms, 2));
      profile = g.create_task(after(150ms, 3));
      EXPECT_EQ(g.running(), 3u);
      co_return;
    });
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(elapsed_since(start), 200ms);
  EXPECT_TRUE(user.done() && orders.done() && profile.done());
  EXPECT_EQ(user.result() + orders.result() + profile.result(), 6);  // task.result() after the scope
}

TEST(TaskGroup, TheScopeEndsWhenEveryChildHas) { corio::run(get_user_data_in_a_group(), virtual_time()); }

Task<int> sum_in_a_group() {
  co_return co_await corio::task_group([](TaskGroup& g) -> Task<int> {
    auto a = g.create_task(after(10ms, 20));
    auto b = g.create_task(after(20ms, 22));
    g.create_task(after(30ms, 0));  // dropping a child's handle is fine: the group owns it
    co_return co_await a.join() + co_await b.join();
  });
}

TEST(TaskGroup, ChildrenCanBeJoinedInsideAndTheBodysValueIsReturned) {
  corio::RunOptions options = virtual_time();
  EXPECT_EQ(corio::run(sum_in_a_group(), options), 42);
}

// Two children fail in the same step: the siblings and the body are cancelled, and both failures
// come out together; none is "never retrieved".
Task<void> failures_reported_together(Outcome& outcome, bool& body_cancelled) {
  const auto start = corio::Clock::now();
  try {
    co_await corio::task_group([&](TaskGroup& g) -> Task<void> {
      g.create_task(tracked(outcome, 1h, 1));
      g.create_task(fail_after(50ms, "orders down"));
      g.create_task(fail_after(50ms, "profile down"));
      g.create_task(tracked(outcome, 10ms, 2));  // finishes before the failure
      try {
        co_await corio::sleep(1h);
      } catch (const corio::CancelledError&) {
        body_cancelled = true;
        EXPECT_THROW(g.create_task(after(1ms, 0)), std::logic_error);  // shutting down
        throw;
      }
    });
    ADD_FAILURE() << "the group should have failed";
  } catch (const corio::ExceptionGroup& group) {
    EXPECT_EQ(group.size(), 2u);
    EXPECT_EQ(group.count<std::runtime_error>(), 2u);
    std::vector<std::string> messages;
    for (const auto& e : group.exceptions()) {
      try {
        std::rethrow_exception(e);
      } catch (const std::runtime_error& x) {
        messages.push_back(x.what());
      }
    }
    EXPECT_EQ(messages, (std::vector<std::string>{"orders down", "profile down"}));
    EXPECT_NE(std::string(group.what()).find("profile down"), std::string::npos) << group.what();
  }
  EXPECT_EQ(elapsed_since(start), 50ms);
  EXPECT_EQ(outcome.running, 0);  // no child outlives the scope
}

TEST(TaskGroup, TheFirstFailureCancelsSiblingsAndBodyAndEveryFailureIsReported) {
  Outcome outcome;
  bool body_cancelled = false;
  Unobserved unobserved;
  corio::run(failures_reported_together(outcome, body_cancelled), unobserved.options());
  EXPECT_TRUE(body_cancelled);
  EXPECT_EQ(outcome.cancelled, 1);
  EXPECT_EQ(outcome.finished, 1);
  EXPECT_TRUE(unobserved.reports.empty());
}

Task<void> body_fails(Outcome& outcome) {
  try {
    co_await corio::task_group([&](TaskGroup& g) -> Task<void> {
      g.create_task(tracked(outcome, 1s, 1));
      g.create_task(tracked(outcome, 2s, 2));
      co_await corio::sleep(10ms);
      throw std::invalid_argument("bad request");
    });
    ADD_FAILURE() << "the group should have failed";
  } catch (const corio::ExceptionGroup& group) {
    EXPECT_EQ(group.size(), 1u);
    EXPECT_EQ(group.count<std::invalid_argument>(), 1u);
    EXPECT_EQ(outcome.running, 0);
  }
}

TEST(TaskGroup, AFailingBodyCancelsTheChildren) {
  Outcome outcome;
  corio::run(body_fails(outcome), virtual_time());
  EXPECT_EQ(outcome.cancelled, 2);
}

// Cancelling the task that awaits the group (here: a deadline) cancels the body and every child,
// waits for them, and then raises.
Task<void> parent_cancelled(Outcome& outcome) {
  const auto start = corio::Clock::now();
  try {
    co_await corio::wait_for(corio::task_group([&](TaskGroup& g) -> Task<void> {
                               g.create_task(tracked(outcome, 10s, 1));
                               g.create_task(tracked(outcome, 20s, 2));
                               co_await corio::sleep(5ms);  // the body has returned: the scope waits
                             }),
                             1s);
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(elapsed_since(start), 1s);
    EXPECT_EQ(outcome.running, 0);
  }
}

TEST(TaskGroup, CancellingTheParentCancelsTheChildren) {
  Outcome outcome;
  corio::run(parent_cancelled(outcome), virtual_time());
  EXPECT_EQ(outcome.cancelled, 2);
}

Task<void> crawl(TaskGroup& g, std::vector<int>& visited, int page, int depth) {
  co_await corio::sleep(10ms);
  visited.push_back(page);
  if (depth == 0) co_return;
  for (int link = 1; link <= 2; ++link) g.create_task(crawl(g, visited, page * 10 + link, depth - 1));
}

// Children start more children through the group; the scope waits for all of them.
Task<void> children_spawn_children(std::vector<int>& visited) {
  const auto start = corio::Clock::now();
  co_await corio::task_group([&](TaskGroup& g) -> Task<void> {
    g.create_task(crawl(g, visited, 1, 2));
    co_return;
  });
  EXPECT_EQ(elapsed_since(start), 30ms);
}

TEST(TaskGroup, ChildrenMayStartChildrenAndTheScopeWaitsForThemAll) {
  std::vector<int> visited;
  corio::run(children_spawn_children(visited), virtual_time());
  std::sort(visited.begin(), visited.end());
  EXPECT_EQ(visited, (std::vector<int>{1, 11, 12, 111, 112, 121, 122}));
}

Task<void> cancelled_child_is_not_a_failure(Outcome& outcome) {
  co_await corio::task_group([&](TaskGroup& g) -> Task<void> {
    auto slow = g.create_task(tracked(outcome, 1h, 1));
    auto fast = g.create_task(tracked(outcome, 1ms, 2));
    co_await corio::sleep(5ms);
    slow.cancel();  // one child cancelled on purpose: the others go on, nothing is raised
    co_await corio::sleep(1ms);
    EXPECT_TRUE(slow.cancelled());
    EXPECT_TRUE(fast.done());
    EXPECT_EQ(fast.exception(), nullptr);
  });
}

TEST(TaskGroup, ACancelledChildIsNotAFailure) {
  Outcome outcome;
  corio::run(cancelled_child_is_not_a_failure(outcome), virtual_time());
  EXPECT_EQ(outcome.cancelled, 1);
  EXPECT_EQ(outcome.finished, 1);
}

// --- timeout scopes --------------------------------------------------------------------------------

Task<void> step(std::vector<std::string>& log, std::string name, corio::Duration d) {
  co_await corio::sleep(d);
  log.push_back(name);
}

// One deadline over several awaits: 5 s for three 2 s steps.
Task<void> deadline_over_several_awaits(std::vector<std::string>& log) {
  const auto start = corio::Clock::now();
  try {
    co_await corio::timeout(5s, [&]() -> Task<void> {
      co_await step(log, "connect", 2s);
      co_await step(log, "query", 2s);
      co_await step(log, "fetch", 2s);
    });
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(elapsed_since(start), 5s);
  }
  co_await corio::sleep(10s);  // nothing left behind
}

TEST(Timeout, OneDeadlineCoversSeveralAwaitsAndRaisesTimeoutErrorAtTheScope) {
  std::vector<std::string> log;
  corio::run(deadline_over_several_awaits(log), virtual_time());
  EXPECT_EQ(log, (std::vector<std::string>{"connect", "query"}));
}

// reschedule: more time for each step that makes progress; none at all for the last.
Task<void> rescheduled(std::vector<std::string>& log) {
  const auto start = corio::Clock::now();
  try {
    int steps = co_await corio::timeout(3s, [&](corio::Timeout& scope) -> Task<int> {
      EXPECT_EQ(scope.when(), start + 3s);
      co_await step(log, "one", 2s);
      scope.reschedule(corio::Clock::now() + 3s);  // progress: deadline at 5 s
      co_await step(log, "two", 2s);
      scope.reschedule(std::nullopt);  // no deadline any more
      EXPECT_FALSE(scope.when().has_value());
      co_await step(log, "three", 10s);
      EXPECT_FALSE(scope.expired());
      co_return 3;
    });
    EXPECT_EQ(steps, 3);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(elapsed_since(start), 14s);
}

TEST(Timeout, RescheduleMovesOrRemovesTheDeadline) {
  std::vector<std::string> log;
  corio::run(rescheduled(log), virtual_time());
  EXPECT_EQ(log, (std::vector<std::string>{"one", "two", "three"}));
}

Task<void> earlier_and_absolute() {
  const auto start = corio::Clock::now();
  try {
    co_await corio::timeout_at(start + 10s, [&](corio::Timeout& scope) -> Task<void> {
      scope.reschedule(corio::Clock::now() + 1s);  // earlier
      co_await corio::sleep(5s);
    });
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(elapsed_since(start), 1s);
  }
  try {
    int v = co_await corio::timeout_at(corio::Clock::now() + 10s, []() -> Task<int> { co_return co_await after(1s, 7); });
    EXPECT_EQ(v, 7);
    co_await corio::sleep(20s);  // the disarmed deadline cancels nothing later
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(Timeout, TimeoutAtTakesAnAbsoluteDeadlineThatCanBeBroughtForward) {
  corio::run(earlier_and_absolute(), virtual_time());
}

// An inner scope's timeout is the inner scope's: the outer block goes on.
Task<void> nested(std::vector<std::string>& log) {
  const auto start = corio::Clock::now();
  try {
    co_await corio::timeout(10s, [&]() -> Task<void> {
      try {
        co_await corio::timeout(1s, [&]() -> Task<void> { co_await step(log, "slow cache", 5s); });
      } catch (const corio::TimeoutError&) {
        log.push_back("cache timed out");
      }
      co_await step(log, "database", 2s);
    });
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(elapsed_since(start), 3s);
}

TEST(Timeout, NestedScopesEachRaiseTheirOwnTimeout) {
  std::vector<std::string> log;
  corio::run(nested(log), virtual_time());
  EXPECT_EQ(log, (std::vector<std::string>{"cache timed out", "database"}));
}

Task<void> cancel_inside_timeout() {
  auto handle = corio::create_task(corio::timeout(1h, []() -> Task<void> { co_await corio::sleep(2h); }));
  co_await corio::sleep(1s);
  handle.cancel();
  try {
    co_await handle;
    ADD_FAILURE() << "expected CancelledError";
  } catch (const corio::CancelledError&) {
    EXPECT_TRUE(handle.cancelled());  // not turned into a TimeoutError
  } catch (const corio::TimeoutError&) {
    ADD_FAILURE() << "an outside cancellation is not a timeout";
  }
}

TEST(Timeout, ACancellationFromOutsideStaysACancellation) { corio::run(cancel_inside_timeout(), virtual_time()); }

// --- shield ----------------------------------------------------------------------------------------

Task<int> commit(bool& committed) {
  co_await corio::sleep(3s);
  committed = true;
  co_return 42;
}

Task<void> shielded_commit(bool& committed, std::vector<std::string>& log) {
  int id = co_await corio::shield(commit(committed));
  log.push_back("committed " + std::to_string(id));  // runs: the value is returned first
  co_await corio::sleep(1s);                          // the deferred cancellation lands here
  log.push_back("unreachable");
}

// A deadline hits while the commit runs: the commit completes, then the cancellation arrives.
Task<void> shield_defers_cancellation(bool& committed, std::vector<std::string>& log) {
  const auto start = corio::Clock::now();
  try {
    co_await corio::wait_for(shielded_commit(committed, log), 1s);
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(elapsed_since(start), 3s);  // after the commit, not at 1 s
  }
}

TEST(Shield, TheShieldedTaskCompletesAndTheCancellationIsRaisedAfterIt) {
  bool committed = false;
  std::vector<std::string> log;
  corio::run(shield_defers_cancellation(committed, log), virtual_time());
  EXPECT_TRUE(committed);
  EXPECT_EQ(log, (std::vector<std::string>{"committed 42"}));
}

// asyncio's shield(task): the awaiter gives up at once, the task keeps running for a later await.
Task<void> shield_a_handle(bool& committed) {
  TaskHandle<int> handle = corio::create_task(commit(committed));
  const auto start = corio::Clock::now();
  try {
    co_await corio::wait_for([](TaskHandle<int>& h) -> Task<int> { co_return co_await corio::shield(h); }(handle), 1s);
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(elapsed_since(start), 1s);
    EXPECT_FALSE(handle.done());  // still running
  }
  EXPECT_EQ(co_await handle, 42);
  EXPECT_EQ(elapsed_since(start), 3s);
}

TEST(Shield, AShieldedHandleKeepsRunningWhenTheAwaiterIsCancelled) {
  bool committed = false;
  corio::run(shield_a_handle(committed), virtual_time());
  EXPECT_TRUE(committed);
}

// --- wait: some of many ----------------------------------------------------------------------------

std::vector<TaskHandle<int>> start_all(std::vector<Task<int>> coroutines) {
  std::vector<TaskHandle<int>> handles;
  for (auto& c : coroutines) handles.push_back(corio::create_task(std::move(c)));
  return handles;
}

std::vector<Task<int>> three_mirrors(Outcome& outcome) {
  std::vector<Task<int>> tasks;
  tasks.push_back(tracked(outcome, 300ms, 3));
  tasks.push_back(tracked(outcome, 100ms, 1));
  tasks.push_back(tracked(outcome, 200ms, 2));
  return tasks;
}

// The fastest of three mirrors wins; the others are cancelled and awaited.
Task<void> first_completed(Outcome& outcome) {
  const auto start = corio::Clock::now();
  auto [done, pending] = co_await corio::wait(start_all(three_mirrors(outcome)), corio::FIRST_COMPLETED);
  EXPECT_EQ(elapsed_since(start), 100ms);
  EXPECT_EQ(done.size(), 1u);
  EXPECT_EQ(pending.size(), 2u);
  for (auto& task : done) {
    if (task.exception()) {
      ADD_FAILURE() << "the mirror failed";
      continue;
    }
    EXPECT_EQ(task.result(), 1);
  }
  for (auto& task : pending) task.cancel();
  auto [cancelled, none] = co_await corio::wait(std::move(pending));
  EXPECT_TRUE(none.empty());
  for (auto& task : cancelled) EXPECT_TRUE(task.cancelled());
  EXPECT_EQ(elapsed_since(start), 100ms);
}

TEST(Wait, FirstCompletedReturnsTheFastestAndTheRestArePending) {
  Outcome outcome;
  corio::run(first_completed(outcome), virtual_time());
  EXPECT_EQ(outcome.finished, 1);
  EXPECT_EQ(outcome.cancelled, 2);
}

Task<void> first_exception(Outcome& outcome) {
  std::vector<TaskHandle<int>> tasks;
  tasks.push_back(corio::create_task(tracked(outcome, 100ms, 1)));
  tasks.push_back(corio::create_task(fail_after(150ms, "replica down")));
  tasks.push_back(corio::create_task(tracked(outcome, 1h, 3)));
  const auto start = corio::Clock::now();
  auto [done, pending] = co_await corio::wait(std::move(tasks), corio::FIRST_EXCEPTION);
  EXPECT_EQ(elapsed_since(start), 150ms);  // not at the first completion (100 ms): at the failure
  EXPECT_EQ(done.size(), 2u);
  EXPECT_EQ(pending.size(), 1u);
  int failures = 0;
  for (auto& task : done) {
    if (task.exception() != nullptr) {  // check before result(): a done task is a settled result
      ++failures;
      EXPECT_THROW(std::rethrow_exception(task.exception()), std::runtime_error);
      continue;
    }
    EXPECT_EQ(task.result(), 1);
  }
  EXPECT_EQ(failures, 1);
  for (auto& task : pending) task.cancel();
  auto [rest, none] = co_await corio::wait(std::move(pending));
  EXPECT_EQ(rest.size(), 1u);
  EXPECT_TRUE(none.empty());
}

TEST(Wait, FirstExceptionReturnsAtTheFirstFailure) {
  Outcome outcome;
  Unobserved unobserved;
  corio::run(first_exception(outcome), unobserved.options());
  EXPECT_EQ(outcome.cancelled, 1);
  EXPECT_TRUE(unobserved.reports.empty());  // exception() retrieved the failure
}

Task<void> all_completed_with_timeout(Outcome& outcome) {
  std::vector<Task<int>> tasks;
  tasks.push_back(tracked(outcome, 2s, 2));
  tasks.push_back(tracked(outcome, 10s, 10));
  tasks.push_back(tracked(outcome, 1s, 1));
  const auto start = corio::Clock::now();
  auto [done, pending] = co_await corio::wait(start_all(std::move(tasks)), corio::ALL_COMPLETED, 5s);
  EXPECT_EQ(elapsed_since(start), 5s);  // a timeout returns what is done; it does not raise
  std::vector<int> order;
  for (auto& task : done) {
    if (!task.exception()) order.push_back(task.result());
  }
  EXPECT_EQ(order, (std::vector<int>{1, 2}));  // completion order
  EXPECT_EQ(pending.size(), 1u);
  EXPECT_FALSE(pending.at(0).done());
  auto [last, none] = co_await corio::wait(std::move(pending));
  for (auto& task : last) {
    if (!task.exception()) EXPECT_EQ(task.result(), 10);
  }
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(elapsed_since(start), 10s);
}

TEST(Wait, ATimeoutReturnsWhatIsDoneSoFar) {
  Outcome outcome;
  corio::run(all_completed_with_timeout(outcome), virtual_time());
  EXPECT_EQ(outcome.finished, 3);
}

Task<void> waiter_cancelled(Outcome& outcome) {
  try {
    co_await corio::wait_for(
        [](Outcome& o) -> Task<void> {
          auto [done, pending] = co_await corio::wait(start_all(three_mirrors(o)));
          ADD_FAILURE() << "cancelled before the end: " << done.size() << " " << pending.size();
        }(outcome),
        150ms);
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(outcome.running, 0);  // cancelled and awaited before the cancellation surfaced
  }
  try {
    auto [done, pending] = co_await corio::wait(std::vector<TaskHandle<int>>{});
    ADD_FAILURE() << "expected invalid_argument, got " << done.size() + pending.size() << " tasks";
  } catch (const std::invalid_argument&) {
  }
  TaskHandle<int> running = corio::create_task(after(1s, 1));
  EXPECT_THROW(static_cast<void>(running.result()), std::logic_error);  // not finished yet
  EXPECT_THROW(static_cast<void>(running.exception()), std::logic_error);
  EXPECT_EQ(co_await running, 1);
  EXPECT_EQ(running.exception(), nullptr);
  EXPECT_EQ(running.result(), 1);
}

TEST(Wait, CancellingTheWaiterCancelsAndAwaitsTheTasks) {
  Outcome outcome;
  corio::run(waiter_cancelled(outcome), virtual_time());
  EXPECT_EQ(outcome.finished, 1);
  EXPECT_EQ(outcome.cancelled, 2);
}

// A task that takes 100ms to wind down once cancelled.
Task<int> slow_to_cancel(bool& wound_down) {
  bool cancelled = false;
  try {
    co_await corio::sleep(1s);
  } catch (const corio::CancelledError&) {
    cancelled = true;
  }
  if (cancelled) {
    co_await corio::sleep(100ms);
    wound_down = true;
    throw corio::CancelledError{};
  }
  co_return 1;
}

// Cancels `consumer` twice, the second time while the tasks it waits for wind down: it still
// waits for every one of them before CancelledError reaches it.
Task<void> cancel_twice(TaskHandle<void> consumer, const bool& wound_down) {
  co_await corio::sleep(10ms);
  consumer.cancel();
  co_await corio::sleep(10ms);
  consumer.cancel();
  bool raised = false;
  try {
    co_await consumer;
  } catch (const corio::CancelledError&) {
    raised = true;
  }
  EXPECT_TRUE(raised);
  EXPECT_TRUE(wound_down);
}

Task<void> waiter_cancelled_twice() {
  bool wound_down = false;
  std::vector<Task<int>> tasks;
  tasks.push_back(slow_to_cancel(wound_down));
  TaskHandle<void> waiter = corio::create_task(
      [](std::vector<TaskHandle<int>> handles) -> Task<void> {
        auto [done, pending] = co_await corio::wait(std::move(handles));
        ADD_FAILURE() << "not cancelled: " << done.size() << " " << pending.size();
      }(start_all(std::move(tasks))));
  co_await cancel_twice(std::move(waiter), wound_down);
}

TEST(Wait, CancelledAgainWhileTheTasksWindDownItStillAwaitsThem) {
  corio::run(waiter_cancelled_twice(), virtual_time());
}

// --- as_completed ----------------------------------------------------------------------------------

Task<void> results_in_completion_order() {
  std::vector<Task<int>> tasks;
  tasks.push_back(after(300ms, 3));
  tasks.push_back(after(100ms, 1));
  tasks.push_back(fail_after(150ms, "flaky"));
  tasks.push_back(after(200ms, 2));
  const auto start = corio::Clock::now();
  std::vector<int> values;
  std::vector<corio::Duration> at;
  int failures = 0;
  auto results = corio::as_completed(std::move(tasks));
  while (auto r = co_await results.next()) {  // async for r in as_completed(...)
    at.push_back(elapsed_since(start));
    if (*r) values.push_back(r->value());
    else ++failures;
  }
  EXPECT_EQ(values, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(failures, 1);
  EXPECT_EQ(at, (std::vector<corio::Duration>{100ms, 150ms, 200ms, 300ms}));
}

TEST(AsCompleted, YieldsEachResultAsItsTaskFinishes) {
  Unobserved unobserved;
  corio::run(results_in_completion_order(), unobserved.options());
  EXPECT_TRUE(unobserved.reports.empty());
}

Task<void> first_good_answer(Outcome& outcome) {
  int answer = 0;
  {
    auto results = corio::as_completed(start_all(three_mirrors(outcome)));
    while (auto r = co_await results.next()) {
      if (*r) {
        answer = r->value();
        break;  // the others are cancelled when the generator goes
      }
    }
  }
  EXPECT_EQ(answer, 1);
  co_await corio::sleep(1ms);
  EXPECT_EQ(outcome.running, 0);
}

TEST(AsCompleted, LeavingEarlyCancelsTheRest) {
  Outcome outcome;
  corio::run(first_good_answer(outcome), virtual_time());
  EXPECT_EQ(outcome.finished, 1);
  EXPECT_EQ(outcome.cancelled, 2);
}

Task<void> consumer_cancelled(Outcome& outcome, std::vector<int>& seen) {
  try {
    co_await corio::wait_for(
        [](Outcome& o, std::vector<int>& got) -> Task<void> {
          auto results = corio::as_completed(three_mirrors(o));
          while (auto r = co_await results.next()) {
            if (*r) got.push_back(r->value());
          }
        }(outcome, seen),
        250ms);
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(outcome.running, 0);
  }
}

TEST(AsCompleted, CancellingTheConsumerCancelsAndAwaitsTheRest) {
  Outcome outcome;
  std::vector<int> seen;
  corio::run(consumer_cancelled(outcome, seen), virtual_time());
  EXPECT_EQ(seen, (std::vector<int>{1, 2}));
  EXPECT_EQ(outcome.cancelled, 1);
}

Task<void> consumer_cancelled_twice() {
  bool wound_down = false;
  std::vector<Task<int>> tasks;
  tasks.push_back(slow_to_cancel(wound_down));
  TaskHandle<void> consumer = corio::create_task([](std::vector<Task<int>> coroutines) -> Task<void> {
    auto results = corio::as_completed(std::move(coroutines));
    while (auto r = co_await results.next()) ADD_FAILURE() << "not cancelled";
  }(std::move(tasks)));
  co_await cancel_twice(std::move(consumer), wound_down);
}

TEST(AsCompleted, CancelledAgainWhileTheTasksWindDownItStillAwaitsThem) {
  corio::run(consumer_cancelled_twice(), virtual_time());
}

}  // namespace
