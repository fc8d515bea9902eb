// Waiting on threads and synchronisation primitives parks the loop thread.
#include <minitask/minitask.hpp>
#include <barrier>
#include <chrono>
#include <condition_variable>
#include <future>
#include <latch>
#include <mutex>
#include <pthread.h>
#include <semaphore>
#include <thread>

using namespace std::chrono_literals;

mini::Task<int> futures(std::future<int> f, std::shared_future<void> sf,
                           std::future<int &> fr) {
  int v = f.get(); // expected-warning {{'std::future::get' blocks the event loop inside coroutine 'futures'; await an asynchronous alternative or move the call to an executor}}
  sf.wait();       // expected-warning {{'std::shared_future::wait' blocks}}
  sf.wait_for(10ms); // expected-warning {{'std::shared_future::wait_for' blocks}}
  sf.wait_until(std::chrono::steady_clock::now() + 1s); // expected-warning {{'std::shared_future::wait_until' blocks}}
  sf.get(); // expected-warning {{'std::shared_future::get' blocks}}
  int &r = fr.get(); // expected-warning {{'std::future::get' blocks}}
  // std::async returns a future: waiting on it is what blocks.
  int w = std::async(std::launch::async, [] { return 1; }).get(); // expected-warning {{'std::future::get' blocks}}
  co_return v + r + w;
}

mini::Task<void> threads(std::thread &t, std::jthread &jt) {
  t.join();  // expected-warning {{'std::thread::join' blocks the event loop inside coroutine 'threads'}}
  jt.join(); // expected-warning {{'std::jthread::join' blocks}}
  co_return;
}

mini::Task<void> condvars(std::mutex &m, std::condition_variable &cv,
                             std::condition_variable_any &cva, bool &ready) {
  std::unique_lock lock(m);
  cv.wait(lock); // expected-warning {{'std::condition_variable::wait' blocks}}
  cv.wait(lock, [&] { return ready; }); // expected-warning {{'std::condition_variable::wait' blocks}}
  cv.wait_for(lock, 1s); // expected-warning {{'std::condition_variable::wait_for' blocks}}
  cv.wait_until(lock, std::chrono::steady_clock::now()); // expected-warning {{'std::condition_variable::wait_until' blocks}}
  cva.wait(lock); // expected-warning {{'std::condition_variable_any::wait' blocks}}
  cva.wait_for(lock, 1s, [&] { return ready; }); // expected-warning {{'std::condition_variable_any::wait_for' blocks}}
  co_return;
}

mini::Task<void> counters(std::counting_semaphore<8> &sem,
                             std::binary_semaphore &bin, std::latch &done,
                             std::barrier<> &phase) {
  sem.acquire(); // expected-warning {{'std::counting_semaphore::acquire' blocks}}
  bin.acquire(); // expected-warning {{'std::counting_semaphore::acquire' blocks}}
  (void)sem.try_acquire_for(10ms); // expected-warning {{'std::counting_semaphore::try_acquire_for' blocks}}
  done.wait(); // expected-warning {{'std::latch::wait' blocks}}
  done.arrive_and_wait(); // expected-warning {{'std::latch::arrive_and_wait' blocks}}
  phase.arrive_and_wait(); // expected-warning {{'std::barrier::arrive_and_wait' blocks}}
  co_return;
}

mini::Task<void> posix_threads(pthread_t th, pthread_cond_t *c,
                                  pthread_mutex_t *m) {
  pthread_join(th, nullptr); // expected-warning {{'pthread_join' blocks the event loop inside coroutine 'posix_threads'}}
  pthread_cond_wait(c, m); // expected-warning {{'pthread_cond_wait' blocks}}
  co_return;
}
