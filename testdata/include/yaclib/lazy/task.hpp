// Stand-in for YACLib's <yaclib/lazy/task.hpp> (coro-tidy testdata): a lazy
// coroutine task that ToFuture(e) and Detach(e) start on the executor e.
#pragma once
#include <coroutine>
#include <yaclib/exe/executor.hpp>

namespace yaclib {

template <typename V = void, typename E = void> class Task final {
public:
  struct promise_type {
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  struct Started {};

  Task(Task &&) = default;
  Started ToFuture(IExecutor &e) && noexcept {
    start(e);
    return {};
  }
  void Detach(IExecutor &e) && noexcept { start(e); }

private:
  explicit Task(std::coroutine_handle<promise_type> h) : handle_(h) {}
  struct Resume final : Job {
    std::coroutine_handle<> handle;
    void Call() noexcept override { handle.resume(); }
  };
  void start(IExecutor &e) {
    resume_.handle = handle_;
    e.Submit(resume_);
  }
  std::coroutine_handle<promise_type> handle_;
  Resume resume_;
};

} // namespace yaclib
