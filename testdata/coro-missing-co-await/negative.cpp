// Every way a task is legitimately consumed: nothing to report.
#include <minitask/minitask.hpp>
#include <utility>
#include <vector>
using namespace mini;

Task<int> fetch_data() { co_return 1; }
Task<int> compute() { co_return co_await fetch_data(); }
void spawn(Task<int>) {}
Task<int> make_plain() { return fetch_data(); } // a coroutine? no: plain return

struct Service {
  Task<int> pending = fetch_data(); // member initialiser: stored
  Service() : other(fetch_data()) {}
  Task<int> other;
};

Generator<int> numbers() {
  co_yield 1;
  co_yield 2;
}

int sum_numbers() {
  int sum = 0;
  for (int n : numbers()) // synchronous generator: never awaited, by design
    sum += n;
  numbers(); // not awaitable: not this check's business
  return sum;
}

Task<> consumer() {
  int a = co_await fetch_data();
  co_await delay(10);
  co_await next_event();
  auto later = fetch_data();
  int b = co_await std::move(later);
  auto moved = fetch_data();
  spawn(std::move(moved));
  std::vector<Task<int>> batch;
  batch.push_back(fetch_data());
  batch.emplace_back(fetch_data());
  spawn(fetch_data());
  (void)fetch_data(); // explicit discard, allowed by default
  auto [x, y] = std::pair<int, int>{a, b};
  (void)x;
  (void)y;
  co_return;
}

Task<int> returned() {
  auto t = fetch_data();
  co_return co_await t;
}

Task<int> forwarded() { return fetch_data(); }
