// corio::run inside a coroutine: the tutorial's "don't call asyncio.run()
// from async context". corio throws NestedRunError at run time; other
// runtimes deadlock.
#include <corio/corio.hpp>

corio::Task<int> compute() { co_return 42; }

corio::Task<int> handler() {
  int Value = corio::run(compute()); // expected-warning {{'corio::run' runs an event loop inside coroutine 'handler'; a coroutine already runs on an event loop, and a nested run deadlocks or re-enters it; co_await the task instead, or start it concurrently with create_task}}
  co_return Value;
}

// Through plain helpers of the translation unit: one note per step.
int computeNow() {
  return corio::run(compute()); // expected-note {{'computeNow' calls 'corio::run', which runs an event loop}}
}
int computeTwice() {
  return computeNow() + computeNow(); // expected-note {{'computeTwice' calls 'computeNow'}}
}
corio::Task<int> viaHelpers() {
  co_return computeTwice(); // expected-warning {{'computeTwice' runs an event loop inside coroutine 'viaHelpers': it calls 'corio::run'; a coroutine already runs}}
}

// A coroutine lambda.
auto Lambda = []() -> corio::Task<void> {
  corio::run(compute()); // expected-warning {{'corio::run' runs an event loop inside coroutine lambda}}
  co_return;
};

// A plain lambda called right away runs on the coroutine's thread.
corio::Task<void> immediateLambda() {
  auto Nested = [] { return corio::run(compute()); }; // expected-note {{'lambda' calls 'corio::run', which runs an event loop}}
  Nested(); // expected-warning {{'lambda' runs an event loop inside coroutine 'immediateLambda'}}
  co_return;
}

// A member coroutine.
struct Service {
  corio::Task<void> refresh() {
    corio::run(compute()); // expected-warning {{inside coroutine 'Service::refresh'}}
    co_return;
  }
};

// A coroutine template: checked in its instantiations.
template <typename T> corio::Task<T> generic(corio::Task<T> Inner) {
  co_return corio::run(std::move(Inner)); // expected-warning {{'corio::run' runs an event loop inside coroutine 'generic<int>'}}
}
template corio::Task<int> generic<int>(corio::Task<int>);

// The right way: co_await, or create_task and join.
corio::Task<int> right() {
  int A = co_await compute();
  auto Handle = corio::create_task(compute());
  int B = co_await Handle;
  co_return A + B;
}
