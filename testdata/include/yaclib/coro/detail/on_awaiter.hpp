// Stand-in for YACLib's <yaclib/coro/detail/on_awaiter.hpp> (coro-tidy
// testdata): what On(e) returns; await_suspend submits the coroutine to the
// IExecutor it holds.
#pragma once
#include <coroutine>
#include <yaclib/exe/executor.hpp>

namespace yaclib::detail {

class [[nodiscard]] OnAwaiter final {
public:
  explicit OnAwaiter(IExecutor &e) noexcept : _executor{e} {}
  constexpr bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> handle) noexcept {
    _resume.handle = handle;
    _executor.Submit(_resume);
  }
  constexpr void await_resume() const noexcept {}

private:
  struct Resume final : Job {
    std::coroutine_handle<> handle;
    void Call() noexcept override { handle.resume(); }
  };
  IExecutor &_executor;
  Resume _resume;
};

} // namespace yaclib::detail
