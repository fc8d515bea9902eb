// Stand-in for <boost/cobalt/thread.hpp>: a thread running its own event
// loop. As in the real header, the destructor is inline and join() is
// compiled in the library (src/thread.cpp: thread_.join()).
#pragma once
#include <thread>

namespace boost::cobalt {

struct thread {
  thread(thread &&) noexcept = default;
  ~thread();

  void join();
  bool joinable() const;
  void detach();

private:
  std::thread thread_;
};

inline thread::~thread() {
  if (thread_.joinable())
    thread_.join();
}

} // namespace boost::cobalt
