// Member coroutines, member helpers, and coroutines in class templates.
#include <minitask/minitask.hpp>
#include <chrono>
#include <future>
#include <thread>

using namespace std::chrono_literals;

class Service {
public:
  mini::Task<int> handle() {
    int v = pending.get(); // expected-warning {{blocking call to 'std::future::get' in coroutine 'Service::handle'}}
    flush(); // expected-warning {{call to 'Service::flush' in coroutine 'Service::handle' can reach a blocking call to 'std::this_thread::sleep_for'}}
    co_return v;
  }
  static mini::Task<void> tick() {
    std::this_thread::sleep_for(1ms); // expected-warning {{in coroutine 'Service::tick'}}
    co_return;
  }

private:
  void flush() { std::this_thread::sleep_for(5ms); } // expected-note {{'Service::flush' calls 'std::this_thread::sleep_for', which can block}}
  std::future<int> pending;
};

// Out-of-line member coroutine.
struct Worker {
  mini::Task<void> run();
  std::thread thread;
};
mini::Task<void> Worker::run() {
  thread.join(); // expected-warning {{blocking call to 'std::thread::join' in coroutine 'Worker::run'}}
  co_return;
}

// Class template: checked per instantiation.
template <class T> struct Cache {
  mini::Task<T> get() {
    T v = source.get(); // expected-warning {{blocking call to 'std::future::get' in coroutine 'Cache::get'}}
    co_return v;
  }
  std::future<T> source;
};
template struct Cache<int>;

// Virtual helpers: the body seen here may not be the one that runs (an
// override can be asynchronous-friendly), so they are not followed.
struct Base {
  virtual void step() { std::this_thread::sleep_for(1ms); }
  virtual ~Base() = default;
};
mini::Task<void> drive(Base &b) {
  b.step();
  co_return;
}
