// Stand-in for folly's <folly/coro/AsyncGenerator.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes, no code
// from the project.
//
// The shape that matters: like Task, AsyncGenerator has a lazy promise and
// no awaiter of its own; unlike Task it is pulled, through next(), whose
// result is awaited. Its promise yields (yield_value) and shares folly's
// BasePromise await_transform.
#pragma once
#include <coroutine>
#include <exception>
#include <folly/coro/Task.h>
#include <type_traits>

namespace folly::coro {
template <typename Reference, typename Value = std::remove_cvref_t<Reference>,
          bool RequiresCleanup = false>
class AsyncGenerator;

namespace detail {
enum class AsyncGeneratorPromiseState : unsigned char { INVALID };

template <typename Reference, typename Value, bool RequiresCleanup>
class AsyncGeneratorPromise final
    : public BasePromise<AsyncGeneratorPromiseState> {
public:
  class YieldAwaiter {
  public:
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  AsyncGenerator<Reference, Value, RequiresCleanup> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  YieldAwaiter final_suspend() noexcept { return {}; }
  YieldAwaiter yield_value(Reference &&value) noexcept;
  template <typename U> YieldAwaiter yield_value(U &&value);
  void return_void() noexcept {}
  void unhandled_exception() noexcept {}
  using BasePromise<AsyncGeneratorPromiseState>::await_transform;
};
} // namespace detail

template <typename Reference, typename Value, bool RequiresCleanup>
class [[nodiscard]] AsyncGenerator {
public:
  using promise_type =
      detail::AsyncGeneratorPromise<Reference, Value, RequiresCleanup>;

  AsyncGenerator() noexcept = default;
  AsyncGenerator(AsyncGenerator &&) noexcept;
  ~AsyncGenerator();

  class NextResult {
  public:
    explicit operator bool() const noexcept;
    Reference operator*();
  };
  class NextSemiAwaitable {
  public:
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    NextResult await_resume();
  };
  NextSemiAwaitable next() noexcept;
};
} // namespace folly::coro
