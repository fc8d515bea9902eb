// C++20's own blocking primitives: atomic waits, latches, barriers,
// semaphores, condition_variable_any with a stop token, and reads of
// file-backed streams.
#include <minitask/minitask.hpp>
#include <atomic>
#include <barrier>
#include <condition_variable>
#include <fstream>
#include <latch>
#include <mutex>
#include <semaphore>
#include <stop_token>

mini::Task<void> primitives(std::atomic<int> &Counter, std::atomic_flag &Flag,
                            std::latch &Done, std::barrier<> &Phase,
                            std::counting_semaphore<4> &Slots) {
  Counter.wait(0); // expected-warning {{blocking call to 'std::atomic::wait' in coroutine 'primitives'}}
  Flag.wait(false); // expected-warning {{blocking call to 'std::atomic_flag::wait'}}
  std::atomic_wait(&Counter, 1); // expected-warning {{blocking call to 'std::atomic_wait'}}
  Done.wait(); // expected-warning {{blocking call to 'std::latch::wait'}}
  Done.arrive_and_wait(); // expected-warning {{blocking call to 'std::latch::arrive_and_wait'}}
  Phase.arrive_and_wait(); // expected-warning {{blocking call to 'std::barrier::arrive_and_wait'}}
  Slots.acquire(); // expected-warning {{blocking call to 'std::counting_semaphore::acquire'}}
  co_return;
}

mini::Task<void> stoppable(std::condition_variable_any &Cv, std::mutex &M,
                           std::stop_token Stop) {
  std::unique_lock<std::mutex> Lock(M);
  Cv.wait(Lock, Stop, [] { return true; }); // expected-warning {{blocking call to 'std::condition_variable_any::wait'}}
  co_return;
}

mini::Task<int> fileReads(std::ifstream &File) {
  char Buffer[64];
  File.read(Buffer, sizeof Buffer); // expected-warning {{blocking call to 'std::basic_ifstream::read'}}
  co_return static_cast<int>(File.readsome(Buffer, 8)); // expected-warning {{blocking call to 'std::basic_ifstream::readsome'}}
}
