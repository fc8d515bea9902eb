// corio: create_task() handles whose task failure can never be observed.
#include <corio/corio.hpp>
#include <tuple>
#include <vector>

corio::Task<void> log_event(const char *) { co_return; }
corio::Task<int> process_data(int x) { co_return x; }

corio::Task<int> discarded() {
  corio::create_task(log_event("request_processed")); // expected-warning {{handle of the task started by 'corio::create_task' is discarded [coro-dangling-task]}}
  co_return co_await process_data(1);
}

corio::Task<void> ignored() {
  std::ignore = corio::create_task(log_event("a")); // expected-warning {{handle of the task started by 'corio::create_task' is assigned to std::ignore}}
  (void)corio::create_task(log_event("b")); // expected-warning {{handle of the task started by 'corio::create_task' is cast to void}}
  co_return;
}

corio::Task<void> unused_local() {
  auto task = corio::create_task(log_event("c")); // expected-warning {{'task' holds the handle of the task started by 'corio::create_task' but is never used [coro-dangling-task]}}
  [[maybe_unused]] auto other = corio::create_task(log_event("d")); // expected-warning {{'other' holds the handle of the task started by 'corio::create_task' but is never used}}
  co_return;
}

corio::Task<bool> only_queried() {
  auto task = corio::create_task(log_event("e")); // expected-warning {{'task' holds the handle of the task started by 'corio::create_task' but is only queried [coro-dangling-task]}}
  co_await corio::sleep(std::chrono::milliseconds(10));
  co_return task.done();
}

corio::Task<void> in_branches(bool flag) {
  if (flag)
    corio::create_task(log_event("f")); // expected-warning {{is discarded}}
  for (int i = 0; i < 3; ++i)
    corio::create_task(log_event("g")); // expected-warning {{is discarded}}
  co_return;
}
