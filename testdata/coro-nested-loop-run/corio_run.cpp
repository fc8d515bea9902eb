// corio::run inside a coroutine: the tutorial's "don't call asyncio.run()
// from async context". corio throws NestedRunError at run time; other
// runtimes deadlock.
#include <corio/corio.hpp>

corio::Task<int> compute() { co_return 42; }

corio::Task<int> handler() {
  int Value = corio::run(compute()); // expected-warning {{call to event loop entry point 'corio::run' in coroutine 'handler'}}
  co_return Value;
}

// Through plain helpers of the translation unit: one note per step.
int computeNow() {
  return corio::run(compute()); // expected-note {{'computeNow' calls 'corio::run', an event loop entry point}}
}
int computeTwice() {
  return computeNow() + computeNow(); // expected-note {{'computeTwice' calls 'computeNow'}}
}
corio::Task<int> viaHelpers() {
  co_return computeTwice(); // expected-warning {{call to 'computeTwice' in coroutine 'viaHelpers' can reach event loop entry point 'corio::run'}}
}

// A coroutine lambda.
auto Lambda = []() -> corio::Task<void> {
  corio::run(compute()); // expected-warning {{call to event loop entry point 'corio::run' in coroutine lambda}}
  co_return;
};

// A plain lambda called right away runs on the coroutine's thread.
corio::Task<void> immediateLambda() {
  auto Nested = [] { return corio::run(compute()); }; // expected-note {{'lambda' calls 'corio::run', an event loop entry point}}
  Nested(); // expected-warning {{call to 'lambda' in coroutine 'immediateLambda' can reach event loop entry point 'corio::run'}}
  co_return;
}

// A member coroutine.
struct Service {
  corio::Task<void> refresh() {
    corio::run(compute()); // expected-warning {{in coroutine 'Service::refresh'}}
    co_return;
  }
};

// A coroutine template: checked in its instantiations.
template <typename T> corio::Task<T> generic(corio::Task<T> Inner) {
  co_return corio::run(std::move(Inner)); // expected-warning {{call to event loop entry point 'corio::run' in coroutine 'generic<int>'}}
}
template corio::Task<int> generic<int>(corio::Task<int>);

// The right way: co_await, or create_task and join.
corio::Task<int> right() {
  int A = co_await compute();
  auto Handle = corio::create_task(compute());
  int B = co_await Handle;
  co_return A + B;
}
