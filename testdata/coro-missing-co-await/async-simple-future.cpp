// async_simple: a Future is the consumer side of a Promise, and the work
// that fulfils it runs whether or not the Future is awaited (the server
// that coro_rpc_server::async_start() starts serves anyway). Dropped, only
// its result and failure are lost: the message says so, and no co_await is
// inserted (waiting here, later or never is the author's choice).
#include <async_simple/Future.h>
#include <async_simple/coro/FutureAwaiter.h>
#include <async_simple/coro/Lazy.h>

struct Server {
  async_simple::Future<int> async_start();
};

async_simple::coro::Lazy<void> serve(Server &server) {
  server.async_start(); // expected-warning {{result of 'Server::async_start' (type 'async_simple::Future<int>') is never awaited; the operation is not stopped, but its result and failure are lost}}
  auto started = server.async_start(); // expected-warning {{'started' holds the result of 'Server::async_start' (type 'async_simple::Future<int>') but is never awaited; the operation is not stopped, but its result and failure are lost}}
  int port = co_await server.async_start();
  (void)port;
  co_return;
}

void plain(Server &server) {
  server.async_start(); // expected-warning {{result of 'Server::async_start' (type 'async_simple::Future<int>') is never awaited; the operation is not stopped}}
}
