// Minimal coroutine task types for coro-tidy's testdata (issue 4 checks).
// Declarations only where the checks need no bodies; no runtime behind them.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace mintask {

/// A lazy task: nothing runs until it is co_awaited.
template <typename T = void> class Task {
public:
  struct promise_type {
    Task get_return_object() {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() { std::terminate(); }
  };
  explicit Task(std::coroutine_handle<promise_type> H) : Handle(H) {}
  Task(Task &&Other) noexcept : Handle(std::exchange(Other.Handle, {})) {}
  ~Task() {
    if (Handle)
      Handle.destroy();
  }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() { return T(); }

private:
  std::coroutine_handle<promise_type> Handle;
};

template <> class Task<void> {
public:
  struct promise_type {
    Task get_return_object() {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  explicit Task(std::coroutine_handle<promise_type> H) : Handle(H) {}
  Task(Task &&Other) noexcept : Handle(std::exchange(Other.Handle, {})) {}
  ~Task() {
    if (Handle)
      Handle.destroy();
  }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}

private:
  std::coroutine_handle<promise_type> Handle;
};

/// A synchronous generator: `co_yield` suspends it.
template <typename T> class Generator {
public:
  struct promise_type {
    Generator get_return_object() { return Generator(); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};

Task<void> sleep(int Milliseconds);
Task<int> fetch(int Key);
Task<bool> ready_to_continue();

/// An awaiter whose await_ready() is a constant true: never suspends.
struct AlwaysReady {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  int await_resume() const noexcept { return 0; }
};

/// An awaiter that may complete inline (used with the AllowedAwaitables
/// option in tests).
struct InlineWait {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};
InlineWait inline_wait();

} // namespace mintask
