// Non-blocking forms: notifications, try_ forms, and reads of streams over
// memory.
#include <minitask/minitask.hpp>
#include <atomic>
#include <latch>
#include <semaphore>
#include <sstream>

mini::Task<int> nonBlocking(std::atomic<int> &Counter, std::latch &Done,
                            std::counting_semaphore<4> &Slots) {
  Counter.store(1);
  Counter.notify_all();
  Done.count_down();
  bool Got = Slots.try_acquire();
  Slots.release();
  std::istringstream Text("abcdef");
  char Buffer[4];
  Text.read(Buffer, 3);
  co_return Got + static_cast<int>(Text.readsome(Buffer, 2)) + Done.try_wait();
}

// A string stream reached through a (smart) pointer still reads memory.
#include <memory>
template <typename Source> mini::Task<int> readAll(Source &Stream) {
  char Buffer[8];
  co_return static_cast<int>(Stream->read(Buffer, sizeof Buffer).gcount());
}
mini::Task<int> viaPointers() {
  auto Shared = std::make_shared<std::stringstream>("abc");
  std::istringstream Local("def");
  std::istringstream *Raw = &Local;
  co_return co_await readAll(Shared) + co_await readAll(Raw);
}
