// corio negatives: the tutorial's create_task patterns, each handle kept.
#include <corio/corio.hpp>
#include <utility>
#include <vector>

corio::Task<void> log_event(const char *) { co_return; }
corio::Task<int> process_data(int x) { co_return x; }
corio::Task<int> process_user(int id) { co_return id; }

// Python: task = asyncio.create_task(log_event(...)); ...; await task
corio::Task<int> process_request(int data) {
  auto task = corio::create_task(log_event("request_processed"));
  int result = co_await process_data(data);
  co_await task;
  co_return result;
}

// Multiple background tasks, gathered.
corio::Task<int> several() {
  std::vector<corio::TaskHandle<int>> tasks;
  tasks.push_back(corio::create_task(process_user(1)));
  tasks.push_back(corio::create_task(process_user(2)));
  tasks.push_back(corio::create_task(process_user(3)));
  try {
    auto results = co_await corio::gather(std::move(tasks));
    co_return static_cast<int>(results.size());
  } catch (...) {
    co_return -1;
  }
}

corio::Task<void> cancelled() {
  auto task = corio::create_task(log_event("x"));
  if (!task.done())
    task.cancel();
  co_return;
}

corio::TaskHandle<void> returned() { return corio::create_task(log_event("y")); }

struct Service {
  corio::TaskHandle<void> background;
  void start() { background = corio::create_task(log_event("z")); }
};

corio::Task<void> moved_away(std::vector<corio::TaskHandle<void>> &out) {
  auto task = corio::create_task(log_event("w"));
  out.push_back(std::move(task));
  co_return;
}

corio::Task<void> captured() {
  auto task = corio::create_task(log_event("v"));
  auto later = [&]() -> corio::Task<void> { co_await task; };
  co_await later();
}

corio::Task<void> awaited_directly() {
  co_await corio::create_task(log_event("u"));
}
