// A blocking call on a path that ends the process (a fatal-log branch that
// prints a stack trace with popen, then aborts) does not stall a running
// loop: it is not reported, directly or through helpers. The same helper on
// a normal path is.
#include <minitask/minitask.hpp>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

[[noreturn]] void die(const char *Why);

void printStack() {
  FILE *Pipe = ::popen("addr2line -e app", "r"); // expected-note {{'printStack' calls 'popen'}}
  ::pclose(Pipe);
}

void fatal(const char *Why) {
  printStack();
  std::fprintf(stderr, "%s\n", Why);
  std::exit(1);
}

void log(int Severity, const char *Message) {
  if (Severity >= 5) {
    printStack();
    std::abort();
  }
  std::fprintf(stderr, "%s\n", Message);
}

mini::Task<void> handler(int Severity) {
  log(Severity, "request");
  if (Severity > 9)
    fatal("corrupt state");
  if (Severity > 10) {
    ::sleep(1);
    die("unreachable");
  }
  ::sleep(1); // expected-warning {{blocking call to 'sleep' in coroutine 'handler'}}
  co_return;
}

void traceOnError(int Error) {
  if (Error)
    printStack(); // expected-note {{'traceOnError' calls 'printStack'}}
}

mini::Task<void> normalPath(int Error) {
  traceOnError(Error); // expected-warning {{call to 'traceOnError' in coroutine 'normalPath' can reach a blocking call to 'popen'}}
  co_return;
}

// Throwing is not leaving: the exception may be caught and the loop go on.
void throwAfter() {
  ::usleep(10); // expected-note {{'throwAfter' calls 'usleep'}}
  throw 1;
}

mini::Task<void> throws() {
  throwAfter(); // expected-warning {{call to 'throwAfter' in coroutine 'throws' can reach a blocking call to 'usleep'}}
  co_return;
}
