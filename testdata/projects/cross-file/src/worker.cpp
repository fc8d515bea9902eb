#include "store.h"
#include <chrono>
#include <thread>

void start_worker() {
  std::thread([] { std::this_thread::sleep_for(std::chrono::seconds(1)); })
      .detach();
}
