// cppcoro: an io_service's process_events() (and its one-event and
// pending-event forms) drives the I/O loop on the calling thread. Not
// default entry points (cppcoro's own idiom drives the loop from a
// coroutine, see cppcoro-io-service-idiom.cpp); a project that never does
// adds them.
// CONFIG: {CheckOptions: {coro-nested-loop-run.ExtraEntryPoints: 'cppcoro::io_service::process_events;cppcoro::io_service::process_one_event;cppcoro::io_service::process_pending_events;cppcoro::io_service::process_one_pending_event'}}
#include <cppcoro/io_service.hpp>
#include <cppcoro/task.hpp>
#include <thread>

cppcoro::task<void> handler(cppcoro::io_service &io) {
  io.process_events(); // expected-warning {{call to event loop entry point 'cppcoro::io_service::process_events' in coroutine 'handler'}}
  io.process_one_event(); // expected-warning {{call to event loop entry point 'cppcoro::io_service::process_one_event'}}
  io.process_pending_events(); // expected-warning {{call to event loop entry point 'cppcoro::io_service::process_pending_events'}}
  co_return;
}

void pump(cppcoro::io_service &io) { io.process_one_pending_event(); } // expected-note {{'pump' calls 'cppcoro::io_service::process_one_pending_event', an event loop entry point}}
cppcoro::task<void> via_helper(cppcoro::io_service &io) {
  pump(io); // expected-warning {{call to 'pump' in coroutine 'via_helper' can reach event loop entry point 'cppcoro::io_service::process_one_pending_event'}}
  co_return;
}

// Negatives: scheduling onto the io_service is the coroutine's way; the
// event loop runs on its own thread or at the top of the program.
cppcoro::task<void> right_way(cppcoro::io_service &io) {
  co_await io.schedule();
  if (io.is_stop_requested())
    io.stop();
}

int main() {
  cppcoro::io_service io;
  std::thread loop([&] { io.process_events(); });
  io.process_pending_events();
  io.stop();
  loop.join();
}
