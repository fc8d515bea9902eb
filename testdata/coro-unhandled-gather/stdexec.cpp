// stdexec: when_all (a customisation-point object) completes with the first
// error and stops the other senders.
#include <exec/task.hpp>
#include <exception>
#include <stdexec/execution.hpp>

struct just_sender {};

exec::task<void> fail_fast() {
  co_await stdexec::when_all(just_sender{}, just_sender{}); // expected-warning {{'stdexec::when_all' fails fast and is awaited outside a try block that catches std::exception in coroutine 'fail_fast'}}
}

exec::task<void> handled() {
  try {
    co_await stdexec::when_all(just_sender{}, just_sender{});
  } catch (const std::exception &) {
  }
}
