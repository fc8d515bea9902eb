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
  int v = f.get(); // expected-warning {{blocking call to 'std::future::get' in coroutine 'futures'}}
  sf.wait();       // expected-warning {{blocking call to 'std::shared_future::wait'}}
  sf.wait_for(10ms); // expected-warning {{blocking call to 'std::shared_future::wait_for'}}
  sf.wait_until(std::chrono::steady_clock::now() + 1s); // expected-warning {{blocking call to 'std::shared_future::wait_until'}}
  sf.get(); // expected-warning {{blocking call to 'std::shared_future::get'}}
  int &r = fr.get(); // expected-warning {{blocking call to 'std::future::get'}}
  // std::async returns a future: waiting on it is what blocks.
  int w = std::async(std::launch::async, [] { return 1; }).get(); // expected-warning {{blocking call to 'std::future::get'}}
  co_return v + r + w;
}

mini::Task<void> threads(std::thread &t, std::jthread &jt) {
  t.join();  // expected-warning {{blocking call to 'std::thread::join' in coroutine 'threads'}}
  jt.join(); // expected-warning {{blocking call to 'std::jthread::join'}}
  co_return;
}

mini::Task<void> condvars(std::mutex &m, std::condition_variable &cv,
                             std::condition_variable_any &cva, bool &ready) {
  std::unique_lock lock(m);
  cv.wait(lock); // expected-warning {{blocking call to 'std::condition_variable::wait'}}
  cv.wait(lock, [&] { return ready; }); // expected-warning {{blocking call to 'std::condition_variable::wait'}}
  cv.wait_for(lock, 1s); // expected-warning {{blocking call to 'std::condition_variable::wait_for'}}
  cv.wait_until(lock, std::chrono::steady_clock::now()); // expected-warning {{blocking call to 'std::condition_variable::wait_until'}}
  cva.wait(lock); // expected-warning {{blocking call to 'std::condition_variable_any::wait'}}
  cva.wait_for(lock, 1s, [&] { return ready; }); // expected-warning {{blocking call to 'std::condition_variable_any::wait_for'}}
  co_return;
}

mini::Task<void> counters(std::counting_semaphore<8> &sem,
                             std::binary_semaphore &bin, std::latch &done,
                             std::barrier<> &phase) {
  sem.acquire(); // expected-warning {{blocking call to 'std::counting_semaphore::acquire'}}
  bin.acquire(); // expected-warning {{blocking call to 'std::counting_semaphore::acquire'}}
  (void)sem.try_acquire_for(10ms); // expected-warning {{blocking call to 'std::counting_semaphore::try_acquire_for'}}
  done.wait(); // expected-warning {{blocking call to 'std::latch::wait'}}
  done.arrive_and_wait(); // expected-warning {{blocking call to 'std::latch::arrive_and_wait'}}
  phase.arrive_and_wait(); // expected-warning {{blocking call to 'std::barrier::arrive_and_wait'}}
  co_return;
}

mini::Task<void> posix_threads(pthread_t th, pthread_cond_t *c,
                                  pthread_mutex_t *m) {
  pthread_join(th, nullptr); // expected-warning {{blocking call to 'pthread_join' in coroutine 'posix_threads'}}
  pthread_cond_wait(c, m); // expected-warning {{blocking call to 'pthread_cond_wait'}}
  co_return;
}
