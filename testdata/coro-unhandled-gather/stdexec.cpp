// stdexec: when_all (a customisation-point object) completes with the first
// error and stops the other senders.
#include <exec/task.hpp>
#include <exception>
#include <stdexec/execution.hpp>

struct just_sender {};

exec::task<void> fail_fast() {
  co_await stdexec::when_all(just_sender{}, just_sender{}); // expected-warning {{'stdexec::when_all' fails fast: when one task throws, the results of the other tasks are discarded and the exception propagates out of 'fail_fast'; catch it here (catch (...) or catch (const std::exception&))}}
}

exec::task<void> handled() {
  try {
    co_await stdexec::when_all(just_sender{}, just_sender{});
  } catch (const std::exception &) {
  }
}
