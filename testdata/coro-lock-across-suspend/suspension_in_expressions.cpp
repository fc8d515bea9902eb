// Suspension points hidden inside initialisers, assignments, conditions and
// `for` headers count (scope-based checks miss several of them).
#include <mintask/task.hpp>
#include <mutex>

std::mutex M;
int Counter;

mintask::Task<void> awaitInInitialiser() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  int Value = co_await mintask::fetch(1); // expected-note {{'Guard' is still held}}
  Counter += Value;
}

mintask::Task<void> awaitInAssignment() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  Counter = co_await mintask::fetch(1); // expected-note {{'Guard' is still held}}
}

mintask::Task<void> awaitInNestedExpression() {
  std::lock_guard Guard(M); // expected-warning {{held across 2 suspension points}}
  Counter += (co_await mintask::fetch(1)) * 2 + co_await mintask::fetch(2); // expected-note {{'Guard' is still held}} expected-note {{'Guard' is still held}}
}

mintask::Task<void> awaitInIfCondition() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  if (co_await mintask::ready_to_continue()) // expected-note {{'Guard' is still held}}
    ++Counter;
}

mintask::Task<void> awaitInIfInitialiser() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  if (int Value = co_await mintask::fetch(1); Value > 0) // expected-note {{'Guard' is still held}}
    Counter += Value;
}

mintask::Task<void> awaitInForHeader() {
  std::lock_guard Guard(M); // expected-warning {{held across 3 suspension points}}
  for (int I = co_await mintask::fetch(0); // expected-note {{'Guard' is still held}}
       co_await mintask::ready_to_continue(); // expected-note {{'Guard' is still held}}
       I += co_await mintask::fetch(1)) // expected-note {{'Guard' is still held}}
    ++Counter;
}

mintask::Task<void> awaitInWhileCondition() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  while (co_await mintask::ready_to_continue()) // expected-note {{'Guard' is still held}}
    ++Counter;
}

mintask::Task<void> awaitInTernary(bool Fast) {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  Counter = Fast ? 0 : co_await mintask::fetch(1); // expected-note {{'Guard' is still held}}
}

mintask::Task<void> awaitInCallArgument() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  auto Use = [](int) {};
  Use(co_await mintask::fetch(1)); // expected-note {{'Guard' is still held}}
}
