// Blocking that is not a call by name: destructors that wait. Reported where
// the destructor runs (the end of the full expression for a temporary, of
// the scope for a local), naming the object.
#include <future>
#include <minitask/minitask.hpp>
#include <thread>

int compute();

class Worker {
public:
  explicit Worker(void (*fn)()) : thread_(fn) {}
  ~Worker() {
    if (thread_.joinable())
      thread_.join(); // expected-note {{'Worker::~Worker' calls 'std::thread::join', which can block}}
  }

private:
  std::thread thread_;
};

void work();

mini::Task<void> discarded_async() {
  std::async(std::launch::async, compute); // expected-warning {{blocking call to the destructor of a temporary 'std::future<int>' in coroutine 'discarded_async'}}
  co_return;
}

mini::Task<void> default_policy() {
  std::async(compute); // expected-warning {{blocking call to the destructor of a temporary 'std::future<int>' in coroutine 'default_policy'}}
  co_return;
}

mini::Task<void> unwaited_local() {
  auto f = std::async(std::launch::async, compute);
  co_await mini::sleep(1);
} // expected-warning {{blocking call to the destructor of 'f' ('std::future<int>') in coroutine 'unwaited_local'}}

mini::Task<void> jthread_local() {
  std::jthread t(work);
  co_await mini::sleep(1);
} // expected-warning {{blocking call to the destructor of 't' ('std::jthread') in coroutine 'jthread_local'}}

mini::Task<void> user_destructor() {
  Worker w(work);
  co_await mini::sleep(1);
} // expected-warning {{call to the destructor of 'w' ('Worker') in coroutine 'user_destructor' can reach a blocking call to 'std::thread::join'}}

mini::Task<void> inner_scope(bool b) {
  if (b) {
    std::jthread t(work);
  } // expected-warning {{blocking call to the destructor of 't' ('std::jthread') in coroutine 'inner_scope'}}
  co_await mini::sleep(1);
}

// Through a helper, like any blocking call.
void run_and_join() {
  std::jthread t(work);
} // expected-note {{'run_and_join' calls the destructor of 't' ('std::jthread'), which can block}}

mini::Task<void> via_helper() {
  run_and_join(); // expected-warning {{call to 'run_and_join' in coroutine 'via_helper' can reach a blocking call to the destructor of 't' ('std::jthread')}}
  co_return;
}

// Joined before its scope ends: the join is the blocking call, and the
// destructor, with nothing left to join, is not reported again.
class Joinable {
public:
  explicit Joinable(void (*fn)()) : thread_(fn) {}
  ~Joinable() {
    if (thread_.joinable())
      thread_.join();
  }
  void join() { thread_.join(); } // expected-note {{'Joinable::join' calls 'std::thread::join', which can block}}

private:
  std::thread thread_;
};

mini::Task<void> joined_first() {
  Joinable j(work);
  j.join(); // expected-warning {{call to 'Joinable::join' in coroutine 'joined_first' can reach a blocking call to 'std::thread::join'}}
  co_return;
}

// A method whose wait is its destructor's, called on this (`~Stoppable()
// calls stop()`): reported at that call, not again at the closing brace.
class Stoppable {
public:
  explicit Stoppable(void (*fn)()) : thread_(fn) {}
  ~Stoppable() { stop(); }
  void stop() {
    if (thread_.joinable())
      thread_.join(); // expected-note {{'Stoppable::stop' calls 'std::thread::join', which can block}}
  }

private:
  std::thread thread_;
};

mini::Task<void> stopped_first() {
  Stoppable s(work);
  s.stop(); // expected-warning {{call to 'Stoppable::stop' in coroutine 'stopped_first' can reach a blocking call to 'std::thread::join'}}
  co_return;
}

// A method that does other work leaves the destructor's wait to come.
class Queue {
public:
  explicit Queue(void (*fn)()) : thread_(fn) {}
  ~Queue() {
    if (thread_.joinable())
      thread_.join(); // expected-note {{'Queue::~Queue' calls 'std::thread::join', which can block}}
  }
  void add(int job) { jobs_[0] = job; }
  bool running() const { return thread_.joinable(); }

private:
  std::thread thread_;
  int jobs_[1] = {};
};

mini::Task<void> added_to() {
  Queue q(work);
  q.add(1);
  if (q.running())
    co_await mini::sleep(1);
} // expected-warning {{call to the destructor of 'q' ('Queue') in coroutine 'added_to' can reach a blocking call to 'std::thread::join'}}

// A method defined elsewhere under another name than the destructor's wait.
class OpaqueStart {
public:
  explicit OpaqueStart(void (*fn)()) : thread_(fn) {}
  ~OpaqueStart() {
    if (thread_.joinable())
      thread_.join(); // expected-note {{'OpaqueStart::~OpaqueStart' calls 'std::thread::join', which can block}}
  }
  void start();

private:
  std::thread thread_;
};

mini::Task<void> started_elsewhere() {
  OpaqueStart s(work);
  s.start();
  co_return;
} // expected-warning {{call to the destructor of 's' ('OpaqueStart') in coroutine 'started_elsewhere' can reach a blocking call to 'std::thread::join'}}

// Joined through a method defined in another file that is not known to
// block: the join is not seen, so the destructor's wait stays reported.
class OpaqueJoin {
public:
  explicit OpaqueJoin(void (*fn)()) : thread_(fn) {}
  ~OpaqueJoin() {
    if (thread_.joinable())
      thread_.join(); // expected-note {{'OpaqueJoin::~OpaqueJoin' calls 'std::thread::join', which can block}}
  }
  void join();

private:
  std::thread thread_;
};

mini::Task<void> joined_elsewhere() {
  OpaqueJoin j(work);
  j.join();
  co_return;
} // expected-warning {{call to the destructor of 'j' ('OpaqueJoin') in coroutine 'joined_elsewhere' can reach a blocking call to 'std::thread::join'}}

// A method that shares a call with the destructor but does not block
// leaves its wait to come (~Waker() notifies, then joins).
class Waker {
public:
  explicit Waker(void (*fn)()) : thread_(fn) {}
  ~Waker() {
    wake();
    if (thread_.joinable())
      thread_.join(); // expected-note {{'Waker::~Waker' calls 'std::thread::join', which can block}}
  }
  void wake() { flag_ = true; }

private:
  std::thread thread_;
  bool flag_ = false;
};

mini::Task<void> woken() {
  Waker w(work);
  w.wake();
  co_return;
} // expected-warning {{call to the destructor of 'w' ('Waker') in coroutine 'woken' can reach a blocking call to 'std::thread::join'}}

// Detaching one thread leaves the destructor's join of the other.
class TwoThreads {
public:
  TwoThreads(void (*fn)(), void (*gn)()) : first_(fn), second_(gn) {}
  ~TwoThreads() {
    if (second_.joinable())
      second_.join(); // expected-note {{'TwoThreads::~TwoThreads' calls 'std::thread::join', which can block}}
  }
  void detach_first() { first_.detach(); }

private:
  std::thread first_;
  std::thread second_;
};

mini::Task<void> one_detached() {
  TwoThreads t(work, work);
  t.detach_first();
  co_return;
} // expected-warning {{call to the destructor of 't' ('TwoThreads') in coroutine 'one_detached' can reach a blocking call to 'std::thread::join'}}

// A thread detached and replaced by a new one is joined again.
class Restartable {
public:
  explicit Restartable(void (*fn)()) : thread_(fn) {}
  ~Restartable() {
    if (thread_.joinable())
      thread_.join(); // expected-note {{'Restartable::~Restartable' calls 'std::thread::join', which can block}}
  }
  void restart() {
    thread_.detach();
    thread_ = std::thread(work);
  }

private:
  std::thread thread_;
};

mini::Task<void> restarted() {
  Restartable r(work);
  r.restart();
  co_return;
} // expected-warning {{call to the destructor of 'r' ('Restartable') in coroutine 'restarted' can reach a blocking call to 'std::thread::join'}}
