// Synchronisation between tasks: Lock, Event, Condition, Barrier, BoundedSemaphore.
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "test_support.hpp"

using namespace std::chrono_literals;
using corio::Task;
using corio::TaskHandle;
using corio::testing::elapsed_since;
using corio::testing::virtual_time;

namespace {

// --- Lock: an async mutex ---------------------------------------------------------------------------

// A read-modify-write that suspends in the middle: without the lock, concurrent updates are lost.
struct Account {
  int balance = 0;
};

Task<void> deposit(corio::Lock& lock, Account& account, int amount) {
  auto guard = co_await lock.acquire();  // async with lock:
  const int read = account.balance;
  co_await corio::sleep(1ms);  // holding an async lock across co_await is what it is for
  account.balance = read + amount;
}

Task<void> unlocked_deposit(Account& account, int amount) {
  const int read = account.balance;
  co_await corio::sleep(1ms);
  account.balance = read + amount;
}

Task<void> deposits(int& with_lock, int& without_lock) {
  corio::Lock lock;
  Account safe, unsafe;
  std::vector<Task<void>> locked, racing;
  for (int i = 0; i < 10; ++i) {
    locked.push_back(deposit(lock, safe, 10));
    racing.push_back(unlocked_deposit(unsafe, 10));
  }
  const auto start = corio::Clock::now();
  try {
    co_await corio::gather(std::move(locked));
    EXPECT_EQ(elapsed_since(start), 10ms);  // serialised: one at a time
    co_await corio::gather(std::move(racing));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_FALSE(lock.locked());
  with_lock = safe.balance;
  without_lock = unsafe.balance;
}

TEST(Lock, SerialisesAReadModifyWriteThatSuspends) {
  int with_lock = 0, without_lock = 0;
  corio::run(deposits(with_lock, without_lock), virtual_time());
  EXPECT_EQ(with_lock, 100);
  EXPECT_EQ(without_lock, 10);  // every racing task read 0: nine updates lost
}

Task<void> take_in_turn(corio::Lock& lock, std::vector<int>& order, int id) {
  auto guard = co_await lock.acquire();
  order.push_back(id);
  co_await corio::yield_now();
}

// A releasing task that asks again at once queues behind the waiters (FIFO, no barging).
Task<void> greedy(corio::Lock& lock, std::vector<int>& order) {
  for (int round = 0; round < 3; ++round) {
    auto guard = co_await lock.acquire();
    order.push_back(0);
    co_await corio::yield_now();
  }
}

Task<void> fifo_fairness() {
  corio::Lock lock;
  std::vector<int> order;
  try {
    co_await corio::gather(greedy(lock, order), take_in_turn(lock, order, 1), take_in_turn(lock, order, 2));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 0, 0}));
}

TEST(Lock, WaitersAreServedInFifoOrder) { corio::run(fifo_fairness(), virtual_time()); }

Task<void> hold_and_fail(corio::Lock& lock) {
  auto guard = co_await lock.acquire();
  co_await corio::sleep(1ms);
  throw std::runtime_error("failed under the lock");
}

Task<void> released_on_failure_and_cancellation() {
  corio::Lock lock;
  try {
    co_await hold_and_fail(lock);
  } catch (const std::runtime_error&) {
    EXPECT_FALSE(lock.locked());
  }
  auto held = co_await lock.acquire();
  EXPECT_FALSE(lock.try_acquire().has_value());
  try {
    co_await corio::wait_for(hold_and_fail(lock), 1s);  // queued behind us, times out
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
    EXPECT_TRUE(lock.locked());  // still ours: the cancelled waiter left the queue
  }
  held.release();
  EXPECT_FALSE(held.owns_lock());
  EXPECT_FALSE(lock.locked());
  auto again = lock.try_acquire();
  EXPECT_TRUE(again.has_value());
}

TEST(Lock, IsReleasedOnFailureAndAQueuedAcquireCanBeCancelled) {
  corio::run(released_on_failure_and_cancellation(), virtual_time());
}

// --- Event: one signal, many waiters ----------------------------------------------------------------

Task<corio::Duration> wait_for_start(corio::Event& started) {
  const auto start = corio::Clock::now();
  co_await started.wait();
  co_return elapsed_since(start);
}

Task<void> set_after(corio::Event& event, corio::Duration delay) {
  co_await corio::sleep(delay);
  event.set();
}

Task<void> event_wakes_everyone() {
  corio::Event started;
  EXPECT_FALSE(started.is_set());
  try {
    auto [a, b, c, none] = co_await corio::gather(wait_for_start(started), wait_for_start(started),
                                                  wait_for_start(started), set_after(started, 50ms));
    EXPECT_EQ(a, 50ms);
    EXPECT_EQ(b, 50ms);
    EXPECT_EQ(c, 50ms);
    (void)none;
    EXPECT_TRUE(started.is_set());
    EXPECT_EQ(co_await wait_for_start(started), 0ms);  // set: passes at once
    started.clear();
    EXPECT_EQ(co_await corio::gather(wait_for_start(started), set_after(started, 5ms)),
              std::make_tuple(corio::Duration(5ms), std::monostate{}));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(Event, SetWakesEveryWaiterAndLaterWaitsPassUntilClear) { corio::run(event_wakes_everyone(), virtual_time()); }

Task<void> cancelled_event_wait() {
  corio::Event never;
  try {
    co_await corio::wait_for([](corio::Event& e) -> Task<void> { co_await e.wait(); }(never), 1s);
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
  }
  never.set();  // nobody is left to wake: the cancelled waiter left
  EXPECT_TRUE(never.is_set());
}

TEST(Event, ACancelledWaiterLeaves) { corio::run(cancelled_event_wait(), virtual_time()); }

// --- Condition: wait for a state change under the lock ----------------------------------------------

struct Jobs {
  corio::Lock lock;
  corio::Condition ready{lock};
  std::deque<int> items;
  bool closed = false;
};

// Condition.wait() releases the lock while it waits: the producer takes it to add items.
Task<std::vector<int>> take_jobs(Jobs& jobs) {
  std::vector<int> got;
  for (;;) {
    auto guard = co_await jobs.lock.acquire();
    co_await jobs.ready.wait_for(guard, [&] { return !jobs.items.empty() || jobs.closed; });
    EXPECT_TRUE(guard.owns_lock());  // held again after the wait
    if (jobs.items.empty()) break;
    got.push_back(jobs.items.front());
    jobs.items.pop_front();
  }
  co_return got;
}

Task<void> add_jobs(Jobs& jobs) {
  for (int i = 0; i < 6; ++i) {
    co_await corio::sleep(10ms);
    auto guard = co_await jobs.lock.acquire();
    jobs.items.push_back(i);
    jobs.ready.notify();
  }
  co_await corio::sleep(10ms);
  auto guard = co_await jobs.lock.acquire();
  jobs.closed = true;
  jobs.ready.notify_all();
}

Task<void> condition_hand_off() {
  Jobs jobs;
  const auto start = corio::Clock::now();
  try {
    auto [first, second, none] = co_await corio::gather(take_jobs(jobs), take_jobs(jobs), add_jobs(jobs));
    (void)none;
    std::vector<int> all = first;
    all.insert(all.end(), second.begin(), second.end());
    std::sort(all.begin(), all.end());
    EXPECT_EQ(all, (std::vector<int>{0, 1, 2, 3, 4, 5}));
    EXPECT_FALSE(first.empty());  // notify() wakes one waiter at a time, in turn
    EXPECT_FALSE(second.empty());
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(elapsed_since(start), 70ms);
  EXPECT_FALSE(jobs.lock.locked());
}

TEST(Condition, WaitReleasesTheLockAndHoldsItAgainWhenNotified) { corio::run(condition_hand_off(), virtual_time()); }

Task<void> wait_under_lock(Jobs& jobs, std::vector<std::string>& log, std::string name) {
  auto guard = co_await jobs.lock.acquire();
  try {
    co_await jobs.ready.wait(guard);
    log.push_back(name + " notified");
  } catch (const corio::CancelledError&) {
    log.push_back(name + (guard.owns_lock() ? " cancelled, lock held" : " cancelled, lock lost"));
    throw;
  }
}

// Cancelled while waiting for the lock to come back after a notification: the lock is held again
// before CancelledError is raised, and the notification goes to the next waiter.
Task<void> notified_then_cancelled(std::vector<std::string>& log) {
  Jobs jobs;
  auto a = corio::create_task(wait_under_lock(jobs, log, "a"));
  auto b = corio::create_task(wait_under_lock(jobs, log, "b"));
  co_await corio::sleep(1ms);  // both wait on the condition
  {
    auto guard = co_await jobs.lock.acquire();
    jobs.ready.notify(1);  // wakes a, which now needs the lock we hold
    co_await corio::sleep(1ms);
    a.cancel();  // cancelled while re-acquiring
  }
  try {
    co_await a;
    ADD_FAILURE() << "a should have been cancelled";
  } catch (const corio::CancelledError&) {
  }
  co_await b;  // woken by the notification a passed on
  EXPECT_FALSE(jobs.lock.locked());
}

TEST(Condition, ACancelledWaiterGetsTheLockBackAndPassesItsNotificationOn) {
  std::vector<std::string> log;
  corio::run(notified_then_cancelled(log), virtual_time());
  EXPECT_EQ(log, (std::vector<std::string>{"a cancelled, lock held", "b notified"}));
}

Task<void> misuse() {
  corio::Lock lock, other;
  corio::Condition cond(lock);
  EXPECT_THROW(cond.notify(), std::logic_error);  // the lock is not held
  auto guard = co_await other.acquire();
  try {
    co_await cond.wait(guard);
    ADD_FAILURE() << "expected logic_error";
  } catch (const std::logic_error&) {
    EXPECT_TRUE(guard.owns_lock());  // a wrong guard is left alone
  }
}

TEST(Condition, NotifyWithoutTheLockAndWaitWithAnotherLocksGuardThrow) { corio::run(misuse(), virtual_time()); }

// --- Barrier: start together ------------------------------------------------------------------------

Task<std::size_t> arrive(corio::Barrier& barrier, corio::Duration delay, corio::Duration& passed_at) {
  const auto start = corio::Clock::now();
  co_await corio::sleep(delay);
  std::size_t index = co_await barrier.wait();
  passed_at = elapsed_since(start);
  co_return index;
}

Task<void> barrier_rounds() {
  corio::Barrier barrier(3);
  std::vector<corio::Duration> at(3);
  for (int round = 0; round < 2; ++round) {  // cyclic: the same barrier twice
    try {
      auto [a, b, c] = co_await corio::gather(arrive(barrier, 30ms, at[0]), arrive(barrier, 10ms, at[1]),
                                              arrive(barrier, 20ms, at[2]));
      EXPECT_EQ(b, 0u);  // arrival order
      EXPECT_EQ(c, 1u);
      EXPECT_EQ(a, 2u);
      for (auto t : at) EXPECT_EQ(t, 30ms);  // nobody passes before the last arrives
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
    EXPECT_EQ(barrier.n_waiting(), 0u);
  }
}

TEST(Barrier, ReleasesEveryPartyWhenTheLastArrivesAndIsCyclic) { corio::run(barrier_rounds(), virtual_time()); }

Task<void> wait_expect_broken(corio::Barrier& barrier, int& broken) {
  try {
    co_await barrier.wait();
  } catch (const corio::BrokenBarrierError&) {
    ++broken;
  }
}

Task<void> barrier_abort_and_cancel() {
  corio::Barrier barrier(3);
  int broken = 0;
  auto timed_out = corio::create_task(corio::wait_for(
      [](corio::Barrier& b) -> Task<void> { co_await b.wait(); }(barrier), 5ms));
  auto waiter = corio::create_task(wait_expect_broken(barrier, broken));
  co_await corio::sleep(1ms);
  EXPECT_EQ(barrier.n_waiting(), 2u);
  co_await corio::sleep(10ms);
  EXPECT_EQ(barrier.n_waiting(), 1u);  // the cancelled one no longer counts
  try {
    co_await timed_out;
    ADD_FAILURE() << "expected a timeout";
  } catch (const corio::TimeoutError&) {
  }
  barrier.abort();
  co_await waiter;
  EXPECT_EQ(broken, 1);
  EXPECT_TRUE(barrier.broken());
  co_await wait_expect_broken(barrier, broken);  // broken until reset
  EXPECT_EQ(broken, 2);
  barrier.reset();
  EXPECT_FALSE(barrier.broken());
  corio::Barrier pair(2);
  corio::Duration t1{}, t2{};
  try {
    co_await corio::gather(arrive(pair, 1ms, t1), arrive(pair, 2ms, t2));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(t1, 2ms);
}

TEST(Barrier, AbortBreaksWaitersAndACancelledWaiterNoLongerCounts) {
  corio::run(barrier_abort_and_cancel(), virtual_time());
}

// --- BoundedSemaphore -------------------------------------------------------------------------------

Task<void> bounded_release() {
  corio::BoundedSemaphore bounded(2);
  corio::Semaphore plain(2);
  {
    auto permit = co_await bounded.acquire();
    EXPECT_EQ(bounded.available(), 1u);
  }
  EXPECT_EQ(bounded.available(), 2u);
  EXPECT_THROW(bounded.release(), std::logic_error);  // a release without an acquire
  EXPECT_EQ(bounded.available(), 2u);
  plain.release();  // the plain semaphore silently grows
  EXPECT_EQ(plain.available(), 3u);
}

TEST(BoundedSemaphore, RefusesAReleaseBeyondItsInitialCount) { corio::run(bounded_release(), virtual_time()); }

}  // namespace
