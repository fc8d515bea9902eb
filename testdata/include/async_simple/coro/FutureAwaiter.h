// Stand-in for async_simple's <async_simple/coro/FutureAwaiter.h> (coro-tidy
// testdata): declarations only, the real qualified names and signature
// shapes (a free operator co_await for Future), no code from the project.
#pragma once
#include <async_simple/Future.h>
#include <coroutine>

namespace async_simple {
namespace coro::detail {
template <typename T> class FutureAwaiter {
public:
  bool await_ready();
  bool await_suspend(std::coroutine_handle<> continuation);
  T await_resume();
};
} // namespace coro::detail

template <typename T>
coro::detail::FutureAwaiter<T> operator co_await(Future<T> &&future);
} // namespace async_simple
