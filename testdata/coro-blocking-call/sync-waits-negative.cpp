// Synchronisation that does not block, and blocking waits that run
// elsewhere.
#include <minitask/minitask.hpp>
#include <chrono>
#include <future>
#include <latch>
#include <mutex>
#include <semaphore>
#include <thread>

using namespace std::chrono_literals;

mini::Task<bool> polls(std::future<int> &f, std::counting_semaphore<4> &sem,
                          std::latch &l) {
  // wait_for(0): a readiness poll, it returns at once.
  bool ready = f.wait_for(0s) == std::future_status::ready;
  bool ready2 = f.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready;
  bool got = sem.try_acquire();
  sem.release();
  bool done = l.try_wait();
  l.count_down();
  bool valid = f.valid();
  co_return ready && ready2 && got && done && valid;
}

// Lambdas handed to threads run on those threads, not in the coroutine.
mini::Task<void> hand_off(std::promise<int> p) {
  std::thread worker([&p] {
    std::this_thread::sleep_for(1s);
    p.set_value(1);
  });
  worker.detach();
  auto fut = std::async(std::launch::async, [] {
    std::this_thread::sleep_for(1s);
    return 2;
  });
  (void)fut;
  auto later = [](std::future<int> f) { return f.get(); };
  (void)later;
  co_return;
}

// std::mutex::lock is short-lived by design (coro-lock-across-suspend is
// the check for holding it across a suspension).
mini::Task<void> locks(std::mutex &m) {
  std::lock_guard guard(m);
  co_return;
}

// A plain function that waits: not a coroutine, not called by one.
int blocking_helper(std::future<int> f) { return f.get(); }
