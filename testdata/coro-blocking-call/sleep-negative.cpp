// False-positive traps around sleeping: none of these block a coroutine.
#include <minitask/minitask.hpp>
#include <chrono>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

// A plain function may block: it is not a coroutine. (A coroutine that
// calls it is flagged, see transitive.cpp; nothing here calls it.)
void worker_thread_main() {
  std::this_thread::sleep_for(1s);
  sleep(1);
}

mini::Task<void> yields_and_clocks() {
  // Yielding the OS thread and reading clocks do not block.
  std::this_thread::yield();
  auto start = std::chrono::steady_clock::now();
  auto elapsed = std::chrono::steady_clock::now() - start;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed);
  (void)ms;
  (void)std::this_thread::get_id();
  co_return;
}

// A user function that merely shares a name with a C function is not it.
namespace app {
void sleep(int seconds);
}
struct Timer {
  void sleep(std::chrono::milliseconds);
};
mini::Task<void> same_names(Timer &t) {
  app::sleep(1);
  t.sleep(10ms);
  co_return;
}

// Unevaluated operands never run.
mini::Task<void> unevaluated() {
  using R = decltype(std::this_thread::sleep_for(1ms));
  constexpr bool NoThrow = noexcept(sleep(1));
  (void)NoThrow;
  (void)sizeof(usleep(1));
  co_return;
}
