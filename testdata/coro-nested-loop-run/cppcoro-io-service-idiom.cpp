// cppcoro's documented idiom: a coroutine of its own drives the io_service
// while another awaits I/O on it, both under sync_wait(when_all_ready(...))
// on a thread where no other loop runs. process_events() is no default
// entry point, so none of this is reported.
#include <cppcoro/io_service.hpp>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>
#include <cppcoro/when_all_ready.hpp>

cppcoro::task<void> serve(cppcoro::io_service &io);

int main() {
  cppcoro::io_service io;
  cppcoro::sync_wait(cppcoro::when_all_ready(
      [&]() -> cppcoro::task<void> {
        co_await serve(io);
        io.stop();
      }(),
      [&]() -> cppcoro::task<void> {
        io.process_events();
        co_return;
      }()));
}
