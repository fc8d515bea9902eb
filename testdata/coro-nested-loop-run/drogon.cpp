// drogon: sync_wait() blocks until the awaitable completes, app().run() and
// trantor's EventLoop::loop() run an event loop: none belongs in a coroutine.
#include <drogon/HttpAppFramework.h>
#include <drogon/utils/coroutine.h>
#include <thread>

drogon::Task<int> work();

drogon::Task<int> handler(trantor::EventLoop *loop) {
  int v = drogon::sync_wait(work()); // expected-warning {{call to event loop entry point 'drogon::sync_wait' in coroutine 'handler'}}
  drogon::app().run(); // expected-warning {{call to event loop entry point 'drogon::HttpAppFramework::run' in coroutine 'handler'}}
  loop->loop(); // expected-warning {{call to event loop entry point 'trantor::EventLoop::loop'}}
  co_return v;
}

drogon::AsyncTask fire_and_forget() {
  drogon::sync_wait(work()); // expected-warning {{call to event loop entry point 'drogon::sync_wait' in coroutine 'fire_and_forget'}}
  co_return;
}

// Negatives: awaiting; the entry points at the top of the program and on a
// thread of their own.
drogon::Task<int> awaits() { co_return co_await work(); }

int main() {
  trantor::EventLoop loop;
  std::thread worker([&] { loop.loop(); });
  int v = drogon::sync_wait(work());
  drogon::app().run();
  worker.join();
  return v;
}
