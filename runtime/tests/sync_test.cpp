// Semaphore, Queue, AsyncGenerator and async context managers (with).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace std::chrono_literals;
using corio::AsyncGenerator;
using corio::Task;
using corio::testing::elapsed_since;
using corio::testing::virtual_time;

namespace {

// --- Semaphore: rate limiting ----------------------------------------------------------------------

struct InFlight {
  int now = 0;
  int max = 0;
};

Task<int> fetch_user_limited(corio::Semaphore& semaphore, InFlight& in_flight, int id) {
  auto permit = co_await semaphore.acquire();  // async with semaphore:
  in_flight.max = std::max(in_flight.max, ++in_flight.now);
  co_await corio::sleep(100ms);
  --in_flight.now;
  co_return id;
}  // permit released here

Task<void> fetch_many_users(InFlight& in_flight) {
  corio::Semaphore semaphore(10);
  std::vector<Task<int>> tasks;
  for (int id = 0; id < 50; ++id) tasks.push_back(fetch_user_limited(semaphore, in_flight, id));
  const auto start = corio::Clock::now();
  try {
    std::vector<int> users = co_await corio::gather(std::move(tasks));
    EXPECT_EQ(users.size(), 50u);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(elapsed_since(start), 500ms);  // 50 calls, 10 at a time, 100 ms each
  EXPECT_EQ(semaphore.available(), 10u);
}

TEST(Semaphore, OfTenBoundsConcurrencyToTen) {
  InFlight in_flight;
  corio::run(fetch_many_users(in_flight), virtual_time());
  EXPECT_EQ(in_flight.max, 10);
  EXPECT_EQ(in_flight.now, 0);
}

Task<void> hold_then_fail(corio::Semaphore& semaphore) {
  auto permit = co_await semaphore.acquire();
  co_await corio::sleep(1ms);
  throw std::runtime_error("failed while holding the permit");
}

Task<void> permit_released_on_failure_and_cancellation() {
  corio::Semaphore semaphore(1);
  try {
    co_await hold_then_fail(semaphore);
  } catch (const std::runtime_error&) {
    EXPECT_EQ(semaphore.available(), 1u);
  }
  auto held = co_await semaphore.acquire();
  try {
    co_await corio::wait_for(hold_then_fail(semaphore), 1s);  // waits for the permit, times out
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(semaphore.available(), 0u);  // still ours
  }
  held.release();
  EXPECT_EQ(semaphore.available(), 1u);
  EXPECT_TRUE(semaphore.try_acquire().has_value());
}

TEST(Semaphore, PermitIsReleasedOnFailureAndAWaiterCanBeCancelled) {
  corio::run(permit_released_on_failure_and_cancellation(), virtual_time());
}

Task<void> acquire_in_order(corio::Semaphore& semaphore, std::vector<int>& order, int id) {
  auto permit = co_await semaphore.acquire();
  order.push_back(id);
  co_await corio::sleep(1ms);
}

Task<void> fifo_waiters() {
  corio::Semaphore semaphore(1);
  std::vector<int> order;
  try {
    co_await corio::gather(acquire_in_order(semaphore, order, 1), acquire_in_order(semaphore, order, 2),
                           acquire_in_order(semaphore, order, 3));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(Semaphore, WaitersAreServedInOrder) { corio::run(fifo_waiters(), virtual_time()); }

// --- Queue: producer / consumer ---------------------------------------------------------------------

constexpr int kStop = -1;  // sentinel

Task<void> producer(corio::Queue<int>& queue, int items, std::size_t& max_size) {
  for (int i = 0; i < items; ++i) {
    co_await queue.put(i);
    max_size = std::max(max_size, queue.size());
    co_await corio::sleep(1ms);
  }
  co_await queue.put(kStop);
}

Task<void> consumer(corio::Queue<int>& queue, std::vector<int>& processed, int& handled_by_me) {
  for (;;) {
    int item = co_await queue.get();
    if (item == kStop) {
      queue.put_nowait(kStop);  // for the other consumers
      queue.task_done();
      break;
    }
    co_await corio::sleep(5ms);  // process_item
    ++processed.at(item);
    ++handled_by_me;
    queue.task_done();
  }
}

Task<void> producer_consumer(std::vector<int>& processed, std::vector<int>& per_worker, std::size_t& max_size) {
  corio::Queue<int> queue(10);
  try {
    co_await corio::gather(producer(queue, 100, max_size), consumer(queue, processed, per_worker[0]),
                           consumer(queue, processed, per_worker[1]), consumer(queue, processed, per_worker[2]));
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
}

TEST(Queue, ThreeWorkersAndABoundedQueueProcessEveryItemExactlyOnce) {
  std::vector<int> processed(100, 0);
  std::vector<int> per_worker(3, 0);
  std::size_t max_size = 0;
  corio::run(producer_consumer(processed, per_worker, max_size), virtual_time());
  for (int i = 0; i < 100; ++i) EXPECT_EQ(processed[i], 1) << "item " << i;
  for (int n : per_worker) EXPECT_GT(n, 0);  // the work was shared
  EXPECT_LE(max_size, 10u);
}

Task<void> slow_consumer(corio::Queue<int>& queue, int items) {
  for (int i = 0; i < items; ++i) {
    int item = co_await queue.get();
    EXPECT_EQ(item, i);
    co_await corio::sleep(10ms);
    queue.task_done();
  }
}

Task<void> back_pressure_and_join() {
  corio::Queue<int> queue(2);
  auto worker = corio::create_task(slow_consumer(queue, 6));
  const auto start = corio::Clock::now();
  for (int i = 0; i < 6; ++i) co_await queue.put(i);  // the producer is held back by the consumer
  EXPECT_GE(elapsed_since(start), 30ms);
  co_await queue.join();  // every item processed
  EXPECT_EQ(elapsed_since(start), 60ms);
  co_await worker;
}

TEST(Queue, PutWaitsWhenFullAndJoinWaitsForTaskDone) { corio::run(back_pressure_and_join(), virtual_time()); }

TEST(Queue, NowaitVariantsThrowWhenFullOrEmpty) {
  corio::Queue<std::string> queue(1);
  EXPECT_THROW(queue.get_nowait(), corio::QueueEmpty);
  queue.put_nowait("a");
  EXPECT_TRUE(queue.full());
  EXPECT_THROW(queue.put_nowait("b"), corio::QueueFull);
  EXPECT_EQ(queue.get_nowait(), "a");
  queue.task_done();
  EXPECT_THROW(queue.task_done(), std::logic_error);
}

Task<void> get_with_timeout() {
  corio::Queue<int> queue;
  try {
    co_await corio::wait_for([](corio::Queue<int>& q) -> Task<int> { co_return co_await q.get(); }(queue), 1s);
  } catch (const corio::TimeoutError&) {
    queue.put_nowait(5);  // the cancelled getter left the queue: the item stays
    EXPECT_EQ(queue.size(), 1u);
  }
}

TEST(Queue, ACancelledGetterTakesNothing) { corio::run(get_with_timeout(), virtual_time()); }

// --- AsyncGenerator: paginated results -------------------------------------------------------------

struct FakeUsersTable {
  int rows = 250;
  int queries = 0;

  Task<std::vector<int>> query(int offset, int limit) {
    ++queries;
    co_await corio::sleep(10ms);
    std::vector<int> page;
    for (int id = offset; id < std::min(rows, offset + limit); ++id) page.push_back(id);
    co_return page;
  }
};

struct CursorClosed {
  bool* closed;
  ~CursorClosed() { *closed = true; }
};

AsyncGenerator<int> fetch_users_paginated(FakeUsersTable& db, bool& closed, int page_size = 100) {
  CursorClosed guard{&closed};  // released when the generator ends or is abandoned
  for (int page = 0;; ++page) {
    std::vector<int> users = co_await db.query(page * page_size, page_size);
    if (users.empty()) break;
    for (int user : users) co_yield user;
  }
}

Task<void> process_all_users(FakeUsersTable& db, bool& closed) {
  const auto start = corio::Clock::now();
  int count = 0;
  int expected_id = 0;
  auto users = fetch_users_paginated(db, closed);
  while (auto user = co_await users.next()) {  // async for user in ...
    EXPECT_EQ(*user, expected_id++);
    ++count;
  }
  EXPECT_EQ(count, 250);
  EXPECT_EQ(db.queries, 4);  // three pages and the empty one
  EXPECT_EQ(elapsed_since(start), 40ms);
  EXPECT_TRUE(closed);
  EXPECT_FALSE(co_await users.next());  // stays finished
}

TEST(AsyncGenerator, PaginatedConsumedToTheEnd) {
  FakeUsersTable db;
  bool closed = false;
  corio::run(process_all_users(db, closed), virtual_time());
}

Task<std::vector<int>> first_five(FakeUsersTable& db, bool& closed) {
  std::vector<int> picked;
  auto users = fetch_users_paginated(db, closed);
  while (auto user = co_await users.next()) {
    picked.push_back(*user);
    if (picked.size() == 5) break;
  }
  EXPECT_FALSE(closed);  // the generator object is still alive here
  co_return picked;
}

TEST(AsyncGenerator, AbandonedEarlyCleansUp) {
  FakeUsersTable db;
  bool closed = false;
  EXPECT_EQ(corio::run(first_five(db, closed), virtual_time()), (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(db.queries, 1);
  EXPECT_TRUE(closed);
}

Task<void> consume_slowly(FakeUsersTable& db, bool& closed, int& seen) {
  auto users = fetch_users_paginated(db, closed, 1);
  while (auto user = co_await users.next()) ++seen;
}

Task<void> generator_cancelled() {
  FakeUsersTable db;
  bool closed = false;
  int seen = 0;
  try {
    co_await corio::wait_for(consume_slowly(db, closed, seen), 35ms);
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(seen, 3);  // one row per 10 ms query
    EXPECT_TRUE(closed);
  }
}

TEST(AsyncGenerator, CancellationReachesTheGeneratorsOwnAwaits) { corio::run(generator_cancelled(), virtual_time()); }

AsyncGenerator<std::string> failing_source() {
  co_yield "first";
  co_await corio::sleep(1ms);
  throw std::runtime_error("source broke");
}

Task<void> generator_exception() {
  auto source = failing_source();
  std::vector<std::string> got;
  try {
    while (auto item = co_await source.next()) got.push_back(*item);
    ADD_FAILURE() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "source broke");
  }
  EXPECT_EQ(got, std::vector<std::string>{"first"});
}

TEST(AsyncGenerator, ExceptionsReachTheConsumer) { corio::run(generator_exception(), virtual_time()); }

// --- with(): async context managers ---------------------------------------------------------------

struct ConnectionLog {
  int opened = 0;
  int closed = 0;
};

class FakeConnection {
 public:
  explicit FakeConnection(ConnectionLog& log) : log_(&log) { ++log_->opened; }
  static Task<FakeConnection> connect(ConnectionLog& log) {  // __aenter__
    co_await corio::sleep(1ms);
    co_return FakeConnection(log);
  }
  Task<std::vector<std::string>> query(std::string) {
    co_await corio::sleep(10ms);
    co_return std::vector<std::string>{"alice", "bob"};
  }
  Task<void> aclose() {  // __aexit__
    co_await corio::sleep(1ms);
    ++log_->closed;
  }

 private:
  ConnectionLog* log_;
};

Task<std::size_t> query_database(ConnectionLog& log) {
  co_return co_await corio::with(FakeConnection::connect(log), [](FakeConnection& db) -> Task<std::size_t> {
    auto rows = co_await db.query("SELECT * FROM users");
    co_return rows.size();
  });
}

TEST(With, ClosesAfterSuccess) {
  ConnectionLog log;
  EXPECT_EQ(corio::run(query_database(log), virtual_time()), 2u);
  EXPECT_EQ(log.opened, 1);
  EXPECT_EQ(log.closed, 1);
}

Task<void> failing_body(ConnectionLog& log) {
  try {
    co_await corio::with(FakeConnection(log), [](FakeConnection& db) -> Task<void> {
      co_await db.query("SELECT 1");
      throw std::runtime_error("constraint violated");
    });
    ADD_FAILURE() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "constraint violated");
  }
}

TEST(With, ClosesAfterFailureAndRethrows) {
  ConnectionLog log;
  corio::run(failing_body(log), virtual_time());
  EXPECT_EQ(log.closed, 1);
}

Task<void> cancelled_body(ConnectionLog& log) {
  try {
    co_await corio::wait_for(corio::with(FakeConnection(log), [](FakeConnection&) -> Task<void> {
                               co_await corio::sleep(1h);
                             }),
                             1s);
  } catch (const corio::TimeoutError&) {
    EXPECT_EQ(log.closed, 1);  // closed before the timeout surfaced
  }
}

TEST(With, ClosesAfterCancellation) {
  ConnectionLog log;
  corio::run(cancelled_body(log), virtual_time());
  EXPECT_EQ(log.closed, 1);
}

}  // namespace
