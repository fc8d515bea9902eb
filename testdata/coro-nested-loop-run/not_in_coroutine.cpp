// Negative cases: entry points where no loop runs yet, or run elsewhere.
#include <corio/corio.hpp>
#include <thread>

corio::Task<int> compute() { co_return 42; }

// main and plain functions not reached from a coroutine start the loop.
int runIt() { return corio::run(compute()); }

int main() {
  int Value = corio::run(compute());
  return Value + runIt();
}

// A lambda handed to a thread runs on that thread, not on the loop.
corio::Task<void> onAnotherThread() {
  std::thread Worker([] { corio::run(compute()); });
  Worker.detach();
  co_return;
}

// run_in_executor runs the callable on the thread pool.
corio::Task<int> inExecutor() {
  int Value = co_await corio::run_in_executor([] { return corio::run(compute()); });
  co_return Value;
}

// A lambda defined in a coroutine but never called there.
corio::Task<void> storedLambda(std::function<void()> &Later) {
  Later = [] { corio::run(compute()); };
  co_return;
}

// A helper that is only referenced, not called.
int helper() { return corio::run(compute()); }
corio::Task<void> takesAddress(int (*&Out)()) {
  Out = &helper;
  co_return;
}

// Unevaluated operands do not run.
corio::Task<void> unevaluated() {
  using R = decltype(corio::run(compute()));
  R Value = sizeof(corio::run(compute()));
  (void)Value;
  co_return;
}
