// What every corio coroutine promise shares: the recycling frame allocator, the link to the
// awaiting coroutine, the task context, the function name and the exception.
#pragma once

#include <coroutine>
#include <exception>
#include <source_location>

#include "corio/detail/context.hpp"
#include "corio/detail/frame_allocator.hpp"

namespace corio::detail {

class PromiseBase {
 public:
  // The default argument is evaluated inside the coroutine, so it names the coroutine function.
  explicit PromiseBase(std::source_location where) noexcept : name_(where.function_name()) {}

  static void* operator new(std::size_t size) { return FrameAllocator::allocate(size); }
  static void operator delete(void* p, std::size_t size) noexcept {
    FrameAllocator::deallocate(p, size);
  }

  // Lazy: nothing runs until the coroutine is awaited, gathered, spawned or run.
  std::suspend_always initial_suspend() const noexcept { return {}; }

  // On completion, continue the coroutine that awaited this one; a task's root coroutine has none
  // and hands over to its task context instead.
  struct FinalAwaiter {
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> self) noexcept {
      PromiseBase& p = self.promise();
      if (p.continuation_) return p.continuation_;
      if (p.context_ != nullptr) return p.context_->on_root_complete();
      return std::noop_coroutine();
    }
    void await_resume() const noexcept {}
  };
  FinalAwaiter final_suspend() const noexcept { return {}; }

  void unhandled_exception() noexcept { error_ = std::current_exception(); }

  TaskContext* corio_context() const noexcept { return context_; }
  std::coroutine_handle<> continuation() const noexcept { return continuation_; }
  const char* name() const noexcept { return name_; }
  const std::exception_ptr& error() const noexcept { return error_; }
  void set_error(std::exception_ptr e) noexcept { error_ = std::move(e); }

  // Links this coroutine under `awaiter` (a coroutine that awaits it) in the awaiter's task.
  template <class Promise>
  void link(std::coroutine_handle<Promise> awaiter) noexcept {
    continuation_ = awaiter;
    context_ = context_of(awaiter);
  }
  // Makes this coroutine the root of `context` (nothing awaits it; completion is reported there).
  void make_root(TaskContext* context) noexcept {
    continuation_ = nullptr;
    context_ = context;
  }

 protected:
  void rethrow_if_failed() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  std::coroutine_handle<> continuation_;
  TaskContext* context_ = nullptr;
  const char* name_;
  std::exception_ptr error_;
};

}  // namespace corio::detail
