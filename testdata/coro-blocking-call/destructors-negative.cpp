// Destructors that do not wait, and objects whose wait is already a call of
// its own (reported there, or not at all), or that are handed elsewhere.
#include <future>
#include <memory>
#include <minitask/minitask.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

int compute();
void work();

struct Quiet {
  ~Quiet() { count = 0; }
  int count = 1;
};

class Worker {
public:
  explicit Worker(void (*fn)()) : thread_(fn) {}
  Worker(Worker &&) = default;
  ~Worker() {
    if (thread_.joinable())
      thread_.join();
  }

private:
  std::thread thread_;
};

std::vector<Worker> pool;

mini::Task<void> ordinary() {
  std::string name = "x";
  std::vector<int> values{1, 2, 3};
  auto owned = std::make_unique<int>(3);
  Quiet q;
  co_await mini::sleep(1);
}

mini::Task<void> deferred() {
  std::async(std::launch::deferred, compute); // deferred: never runs, never waits
  auto f = std::async(std::launch::deferred, compute);
  co_return;
}

// A future from a promise does not wait in its destructor.
mini::Task<int> from_promise(std::promise<int> &p) {
  std::future<int> f = p.get_future();
  int v = co_await mini::fetch(1);
  co_return v;
}

// Handed away: the destructor of the moved-from object does not wait.
mini::Task<void> handed_off() {
  Worker w(work);
  pool.push_back(std::move(w));
  std::jthread t(work);
  t.detach();
  co_return;
}

// A lambda's locals are the lambda's own.
mini::Task<void> in_lambda() {
  auto later = [] { std::jthread t(work); };
  (void)later;
  co_return;
}

// Awaited or joined before its scope ends: its destructor finds nothing left
// to wait for (Boost.Cobalt's thread, awaited, then destroyed).
class AwaitableWorker {
public:
  explicit AwaitableWorker(void (*fn)()) : thread_(fn) {}
  ~AwaitableWorker() {
    if (thread_.joinable())
      thread_.join();
  }
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
  void join() { thread_.join(); }

private:
  std::thread thread_;
};

mini::Task<void> awaited_first() {
  AwaitableWorker w(work);
  co_await w;
}

// A method that detaches the thread the destructor would join: the
// destructor finds nothing joinable.
class Detachable {
public:
  explicit Detachable(void (*fn)()) : thread_(fn) {}
  ~Detachable() {
    if (thread_.joinable())
      thread_.join();
  }
  void detach() { thread_.detach(); }

private:
  std::thread thread_;
};

mini::Task<void> detached_first() {
  Detachable d(work);
  d.detach();
  co_return;
}
