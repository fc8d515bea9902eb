// Minimal coroutine types for testdata: a lazy task, an eager task, a plain
// awaiter, a type with operator co_await, and a synchronous generator. Only
// the shapes matter to the checks, so bodies are as small as possible.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace mini {

template <class T = void> class Task {
public:
  struct promise_type {
    Task get_return_object() { return Task{}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <class U> void return_value(U &&) {}
    void unhandled_exception() { std::terminate(); }
  };
  Task() = default;
  Task(Task &&) noexcept = default;
  Task &operator=(Task &&) noexcept = default;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T{}; }
};

template <> class Task<void> {
public:
  struct promise_type {
    Task get_return_object() { return Task{}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  Task() = default;
  Task(Task &&) noexcept = default;
  Task &operator=(Task &&) noexcept = default;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

/// Starts running as soon as it is called (initial_suspend never suspends).
class EagerTask {
public:
  struct promise_type {
    EagerTask get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

/// A plain awaiter returned by an ordinary (non-coroutine) function.
struct Delay {
  int ms;
  bool await_ready() const noexcept { return ms <= 0; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline Delay delay(int ms) { return Delay{ms}; }

/// Awaitable through a member operator co_await only.
struct Event {
  Delay operator co_await() const noexcept { return Delay{1}; }
};
inline Event next_event() { return {}; }

/// A synchronous generator: a coroutine type that is not awaitable.
template <class T> class Generator {
public:
  struct promise_type {
    T current{};
    Generator get_return_object() {
      return Generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) noexcept { current = v; return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  struct sentinel {};
  struct iterator {
    std::coroutine_handle<promise_type> h;
    T operator*() const { return h.promise().current; }
    iterator &operator++() { h.resume(); return *this; }
    bool operator==(sentinel) const { return h.done(); }
  };
  explicit Generator(std::coroutine_handle<promise_type> h) : h(h) {}
  Generator(Generator &&o) noexcept : h(std::exchange(o.h, {})) {}
  ~Generator() { if (h) h.destroy(); }
  iterator begin() { h.resume(); return {h}; }
  sentinel end() { return {}; }
private:
  std::coroutine_handle<promise_type> h;
};

/// Declared-only coroutines for cases that only need something to await.
Task<void> sleep(int milliseconds);
Task<int> fetch(int key);
Task<bool> ready_to_continue();

/// An awaiter whose await_ready() is a constant true: it never suspends.
struct AlwaysReady {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  int await_resume() const noexcept { return 0; }
};

/// An awaiter that may complete inline (for options such as
/// AllowedAwaitables).
struct InlineWait {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};
InlineWait inline_wait();

} // namespace mini
