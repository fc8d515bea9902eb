// A co_await whose awaited call is handed the lock, or the mutex the lock
// was constructed from, does not count for that lock: an async condition
// variable releases the mutex while the coroutine is suspended and
// re-acquires it before resuming (like std::condition_variable::wait).
// Other suspensions while the lock is held are still findings.
#include <minitask/minitask.hpp>
#include <mutex>

class AsyncCondVar {
public:
  mini::Task<void> wait(std::unique_lock<std::mutex> &Lock);
  template <class Pred>
  mini::Task<void> wait(std::unique_lock<std::mutex> &Lock, Pred P) {
    return {};
  }
  template <class Pred> mini::Task<void> wait(std::mutex &M, Pred P) {
    return {};
  }
  mini::Task<void> waitPtr(std::mutex *M);
  void notify_one();
};

// An awaiter that takes the lock by reference.
struct WaitAwaiter {
  AsyncCondVar &Cv;
  std::unique_lock<std::mutex> &Lock;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};

std::mutex M;
std::mutex Other;
AsyncCondVar Cv;
int Items;

mini::Task<void> waitOnLock() {
  std::unique_lock Lock(M);
  co_await Cv.wait(Lock);
  --Items;
}

mini::Task<void> waitOnLockWithPredicate() {
  std::unique_lock Lock(M);
  co_await Cv.wait(Lock, [&] { return Items > 0; });
  --Items;
}

// async_simple's ConditionVariable::wait(mutex, pred).
mini::Task<void> waitOnMutex() {
  std::unique_lock Lock(M);
  co_await Cv.wait(M, [&] { return Items > 0; });
  --Items;
}

mini::Task<void> waitOnMutexPointer() {
  std::unique_lock Lock(M);
  co_await Cv.waitPtr(&M);
}

mini::Task<void> waitThroughLockMutex() {
  std::unique_lock Lock(M);
  co_await Cv.waitPtr(Lock.mutex());
}

mini::Task<void> waitInLoop() {
  std::unique_lock Lock(M);
  while (Items == 0)
    co_await Cv.wait(Lock);
  --Items;
}

mini::Task<void> awaiterTakesLock() {
  std::unique_lock Lock(M);
  co_await WaitAwaiter{Cv, Lock};
}

// The same member of the same object.
struct Queue {
  std::mutex Mutex;
  AsyncCondVar NotEmpty;
  int Size = 0;
  mini::Task<int> pop() {
    std::unique_lock Lock(Mutex);
    co_await NotEmpty.wait(Mutex, [this] { return Size > 0; });
    co_return --Size;
  }
};

// Findings: the lock is held at another suspension, the wait is on another
// mutex or another object's mutex, or the lock is only used inside a lambda.
mini::Task<void> sleepAfterWait() {
  std::unique_lock Lock(M); // expected-warning {{may be held across 1 suspension point}}
  co_await Cv.wait(Lock);
  co_await mini::sleep(1); // expected-note {{'Lock' may still be held at this co_await}}
}

mini::Task<void> waitOnOtherMutex() {
  std::unique_lock Lock(M); // expected-warning {{lock 'Lock'}}
  co_await Cv.wait(Other, [] { return true; }); // expected-note {{'Lock' may still be held}}
}

mini::Task<void> waitOnOtherLock() {
  std::unique_lock Lock(M); // expected-warning {{lock 'Lock'}}
  std::unique_lock Second(Other);
  co_await Cv.wait(Second); // expected-note {{'Lock' may still be held}}
}

Queue A, B;
mini::Task<void> otherObjectsMutex() {
  std::unique_lock Lock(A.Mutex); // expected-warning {{lock 'Lock'}}
  co_await B.NotEmpty.wait(B.Mutex, [] { return true; }); // expected-note {{'Lock' may still be held}}
}

template <class F> mini::Task<void> runLater(F) { return {}; }
mini::Task<void> lockInsideLambda() {
  std::unique_lock Lock(M); // expected-warning {{lock 'Lock'}}
  co_await runLater([&] { Lock.unlock(); }); // expected-note {{'Lock' may still be held}}
}
