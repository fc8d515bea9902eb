// Stand-in for drogon's <drogon/utils/coroutine.h> (coro-tidy testdata):
// the real qualified names and signature shapes (drogon::Task, AsyncTask,
// sync_wait, co_future, async_run, when_all, sleepCoro), minimal bodies
// written for the tests, no code from the project.
#pragma once
#include <trantor/net/EventLoop.h>
#include <chrono>
#include <coroutine>
#include <exception>
#include <future>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace drogon {

/// Lazy: the promise suspends initially; awaitable through a member
/// operator co_await.
template <typename T = void> struct [[nodiscard]] Task {
  struct promise_type {
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(const T &) {}
    void return_value(T &&) {}
    void unhandled_exception() {}
  };
  using handle_type = std::coroutine_handle<promise_type>;
  Task(handle_type h) : coro_(h) {}
  Task(const Task &) = delete;
  Task(Task &&other) noexcept : coro_(std::exchange(other.coro_, {})) {}
  ~Task();
  struct awaiter {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    T await_resume();
  };
  auto operator co_await() const noexcept { return awaiter{}; }
  handle_type coro_;
};

template <> struct [[nodiscard]] Task<void> {
  struct promise_type {
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  using handle_type = std::coroutine_handle<promise_type>;
  Task(handle_type h) : coro_(h) {}
  Task(const Task &) = delete;
  Task(Task &&other) noexcept : coro_(std::exchange(other.coro_, {})) {}
  ~Task();
  struct awaiter {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() {}
  };
  auto operator co_await() const noexcept { return awaiter{}; }
  handle_type coro_;
};

/// Eager and fire-and-forget: not awaitable; an escaping exception ends the
/// process.
struct AsyncTask {
  struct promise_type {
    AsyncTask get_return_object() noexcept {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() const noexcept { return {}; }
    void unhandled_exception() { std::terminate(); }
    void return_void() noexcept {}
    std::suspend_never final_suspend() const noexcept { return {}; }
  };
  using handle_type = std::coroutine_handle<promise_type>;
  AsyncTask() = default;
  AsyncTask(handle_type h) : coro_(h) {}
  handle_type coro_;
};

template <typename Await>
using await_result_t =
    decltype(std::declval<Await>().operator co_await().await_resume());

/// Blocks the calling thread until \p await completes (on another thread).
template <typename Await> auto sync_wait(Await &&await) {
  return std::forward<Await>(await).operator co_await().await_resume();
}

/// Starts \p await now and returns a std::future of its result.
template <typename Await>
inline auto co_future(Await &&await) noexcept
    -> std::future<await_result_t<Await>>;

/// Runs the coroutine that \p coro returns, detached.
template <typename Coro> void async_run(Coro &&coro) {
  [](std::decay_t<Coro> c) -> AsyncTask { co_await c(); }(
      std::forward<Coro>(coro));
}

namespace internal {
struct [[nodiscard]] TimerAwaiter {
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
// when_all's tuple holds each task's value; a Task<void> maps to
// std::false_type (drogon's coroutine.h does the same).
template <typename T> struct WhenAllValue;
template <typename T> struct WhenAllValue<Task<T>> {
  using type = std::conditional_t<std::is_same_v<T, void>, std::false_type, T>;
};
template <typename... Tasks> struct WhenAllAwaiter {
  WhenAllAwaiter(Tasks... tasks);
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  std::tuple<typename WhenAllValue<Tasks>::type...> await_resume();
};
template <typename T> struct WhenAllAwaiter<std::vector<Task<T>>> {
  WhenAllAwaiter(std::vector<Task<T>> tasks);
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  std::vector<T> await_resume();
};
template <> struct WhenAllAwaiter<std::vector<Task<void>>> {
  WhenAllAwaiter(std::vector<Task<void>> &&tasks);
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
} // namespace internal

inline internal::TimerAwaiter
sleepCoro(trantor::EventLoop *loop,
          const std::chrono::duration<double> &delay) noexcept {
  (void)loop;
  (void)delay;
  return {};
}

template <typename... Tasks>
internal::WhenAllAwaiter<Tasks...> when_all(Tasks... tasks);
template <typename T>
internal::WhenAllAwaiter<std::vector<Task<T>>>
when_all(std::vector<Task<T>> tasks);
inline internal::WhenAllAwaiter<std::vector<Task<void>>>
when_all(std::vector<Task<void>> tasks);

} // namespace drogon
