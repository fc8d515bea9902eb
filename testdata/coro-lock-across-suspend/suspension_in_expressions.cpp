// Suspension points hidden inside initialisers, assignments, conditions and
// `for` headers count (scope-based checks miss several of them).
#include <minitask/minitask.hpp>
#include <mutex>

std::mutex M;
int Counter;

mini::Task<void> awaitInInitialiser() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  int Value = co_await mini::fetch(1); // expected-note {{'Guard' may still be held}}
  Counter += Value;
}

mini::Task<void> awaitInAssignment() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  Counter = co_await mini::fetch(1); // expected-note {{'Guard' may still be held}}
}

mini::Task<void> awaitInNestedExpression() {
  std::lock_guard Guard(M); // expected-warning {{may be held across 2 suspension points}}
  Counter += (co_await mini::fetch(1)) * 2 + co_await mini::fetch(2); // expected-note {{'Guard' may still be held}} expected-note {{'Guard' may still be held}}
}

mini::Task<void> awaitInIfCondition() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  if (co_await mini::ready_to_continue()) // expected-note {{'Guard' may still be held}}
    ++Counter;
}

mini::Task<void> awaitInIfInitialiser() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  if (int Value = co_await mini::fetch(1); Value > 0) // expected-note {{'Guard' may still be held}}
    Counter += Value;
}

mini::Task<void> awaitInForHeader() {
  std::lock_guard Guard(M); // expected-warning {{may be held across 3 suspension points}}
  for (int I = co_await mini::fetch(0); // expected-note {{'Guard' may still be held}}
       co_await mini::ready_to_continue(); // expected-note {{'Guard' may still be held}}
       I += co_await mini::fetch(1)) // expected-note {{'Guard' may still be held}}
    ++Counter;
}

mini::Task<void> awaitInWhileCondition() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  while (co_await mini::ready_to_continue()) // expected-note {{'Guard' may still be held}}
    ++Counter;
}

mini::Task<void> awaitInTernary(bool Fast) {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  Counter = Fast ? 0 : co_await mini::fetch(1); // expected-note {{'Guard' may still be held}}
}

mini::Task<void> awaitInCallArgument() {
  std::lock_guard Guard(M); // expected-warning {{lock 'Guard'}}
  auto Use = [](int) {};
  Use(co_await mini::fetch(1)); // expected-note {{'Guard' may still be held}}
}
