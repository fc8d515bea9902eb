// The tutorial's "Common Mistakes": time.sleep(5) in an async function
// blocks the entire event loop; await asyncio.sleep(5) instead.
//
//   async def wrong_sleep():
//       time.sleep(5)  # BLOCKS the entire event loop!
//
//   async def correct_sleep():
//       await asyncio.sleep(5)  # Non-blocking
#include <corio/corio.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

corio::Task<void> wrong_sleep() {
  co_await corio::sleep(5s); // expected-warning {{blocking call to 'std::this_thread::sleep_for' in coroutine 'wrong_sleep'}}
  co_return;
}

corio::Task<void> correct_sleep() {
  co_await corio::sleep(5s);
}

// "Use run_in_executor for sync code in async": the blocking call runs on a
// thread pool, the coroutine awaits it.
int sync_blocking_function() {
  std::this_thread::sleep_for(5s);
  return 42;
}

corio::Task<int> correct_way() {
  int result = co_await corio::run_in_executor(sync_blocking_function);
  int other = co_await corio::run_in_executor([] {
    std::this_thread::sleep_for(1s);
    return 1;
  });
  co_return result + other;
}
