// A coroutine that calls a plain function which blocks, directly or through
// further helpers: flagged at the call in the coroutine, with one note per
// step of the chain.
#include <minitask/minitask.hpp>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

void throttle() {
  // One note per warning whose chain ends here: handler (twice), immediate,
  // construct.
  std::this_thread::sleep_for(50ms); // expected-note {{'throttle' calls 'std::this_thread::sleep_for', which can block}} expected-note {{'throttle' calls 'std::this_thread::sleep_for', which can block}} expected-note {{'throttle' calls 'std::this_thread::sleep_for', which can block}} expected-note {{'throttle' calls 'std::this_thread::sleep_for', which can block}}
}

std::string load_config() {
  throttle(); // expected-note {{'load_config' calls 'throttle'}}
  return "config";
}

mini::Task<void> handler() {
  std::string cfg = load_config(); // expected-warning {{call to 'load_config' in coroutine 'handler' can reach a blocking call to 'std::this_thread::sleep_for'}}
  throttle(); // expected-warning {{call to 'throttle' in coroutine 'handler' can reach a blocking call to 'std::this_thread::sleep_for'}}
  co_return;
}

// The shortest chain is shown, whatever the order of the calls.
void log_line(const std::string &path) {
  std::ofstream out(path, std::ios::app); // expected-note {{'log_line' calls the constructor of 'std::ofstream', which can block}}
}
void audit(const std::string &path) {
  load_config();
  log_line(path); // expected-note {{'audit' calls 'log_line'}}
}
mini::Task<void> audited() {
  audit("/var/log/app"); // expected-warning {{call to 'audit' in coroutine 'audited' can reach a blocking call to the constructor of 'std::ofstream'}}
  co_return;
}

// Helpers that do not block are not flagged.
int compute(int x) { return x * 2; }
int twice(int x) { return compute(compute(x)); }
mini::Task<int> pure() { co_return twice(21); }

// A lambda called immediately runs in the coroutine: it is a helper too.
mini::Task<void> immediate() {
  [] { throttle(); }(); // expected-warning {{call to 'lambda' in coroutine 'immediate' can reach a blocking call to 'std::this_thread::sleep_for'}} expected-note {{'lambda' calls 'throttle'}}
  co_return;
}

// Constructors of the user's classes are helpers as well.
struct Settings {
  Settings() { throttle(); } // expected-note {{'Settings::Settings' calls 'throttle'}}
};
mini::Task<void> construct() {
  Settings s; // expected-warning {{call to 'Settings::Settings' in coroutine 'construct' can reach a blocking call to 'std::this_thread::sleep_for'}}
  co_return;
}

// Templates: the instantiation's body is followed.
template <class F> void retry(F f) {
  for (int i = 0; i < 3; ++i)
    f(); // expected-note {{'retry' calls 'lambda'}}
}
mini::Task<void> retrying() {
  retry([] { std::this_thread::sleep_for(1ms); }); // expected-warning {{call to 'retry' in coroutine 'retrying' can reach a blocking call to 'std::this_thread::sleep_for'}} expected-note {{'lambda' calls 'std::this_thread::sleep_for', which can block}}
  co_return;
}
