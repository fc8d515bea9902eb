// The asyncio tutorial's "Common Mistakes": not handling exceptions in
// gather, translated to corio. Python:
//   # WRONG: Not handling exceptions in gather
//   async def wrong():
//       results = await asyncio.gather(task1(), task2())
//   # RIGHT
//   async def correct():
//       results = await asyncio.gather(task1(), task2(), return_exceptions=True)
//       # Check each result for exceptions
#include <corio/corio.hpp>
#include <cstdio>
#include <exception>
#include <string>

corio::Task<int> task1() { co_return 1; }
corio::Task<std::string> task2() { co_return "two"; }

// WRONG: if task1 fails, task2 is cancelled and its result is lost.
corio::Task<void> wrong() {
  auto results = co_await corio::gather(task1(), task2()); // expected-warning {{'corio::gather' fails fast and is awaited outside a try block that catches std::exception in coroutine 'wrong'}} expected-note {{the settled form 'corio::gather(corio::return_exceptions, ...)'}}
  (void)results;
}

// RIGHT: every task runs to completion; each result is checked.
corio::Task<void> correct() {
  auto [first, second] =
      co_await corio::gather(corio::return_exceptions, task1(), task2());
  if (first)
    std::printf("%d\n", first.value());
  else
    std::printf("task1 failed\n");
  if (!second.ok()) {
    try {
      std::rethrow_exception(second.error());
    } catch (const std::exception &e) {
      std::printf("task2 failed: %s\n", e.what());
    }
    co_return;
  }
  std::printf("%s\n", second.value().c_str());
}

// The tutorial's get_user_data_safe: a failed result replaced by a default.
corio::Task<int> fetch_user(int id) { co_return id; }
corio::Task<int> fetch_orders(int id) { co_return id * 2; }

corio::Task<int> get_user_data_safe(int id) {
  auto results = co_await corio::gather(corio::return_exceptions,
                                        fetch_user(id), fetch_orders(id));
  int orders = 0;
  if (std::get<1>(results).ok())
    orders = std::get<1>(results).value();
  co_return std::get<0>(results).value() + orders; // expected-warning {{settled result 'std::get<0>(results)' of 'corio::gather' is accessed with 'value' on a path that does not check it}}
}
