// drogon: sync_wait() blocks until the awaitable completes, app().run() and
// trantor's EventLoop::loop() run an event loop: none belongs in a coroutine.
#include <drogon/HttpAppFramework.h>
#include <drogon/utils/coroutine.h>
#include <thread>

drogon::Task<int> work();

drogon::Task<int> handler(trantor::EventLoop *loop) {
  int v = drogon::sync_wait(work()); // expected-warning {{'drogon::sync_wait' runs an event loop inside coroutine 'handler'}}
  drogon::app().run(); // expected-warning {{'drogon::HttpAppFramework::run' runs an event loop inside coroutine 'handler'}}
  loop->loop(); // expected-warning {{'trantor::EventLoop::loop' runs an event loop}}
  co_return v;
}

drogon::AsyncTask fire_and_forget() {
  drogon::sync_wait(work()); // expected-warning {{'drogon::sync_wait' runs an event loop inside coroutine 'fire_and_forget'}}
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
