// AsyncGenerator<T>: a coroutine that both awaits and yields (an async generator, `async for`).
#pragma once

#include <coroutine>
#include <optional>
#include <source_location>
#include <utility>

#include "corio/detail/generator_promise.hpp"

namespace corio {

// Consume with `while (auto item = co_await gen.next()) { ... *item ... }`. The body runs only
// while the consumer waits in next(), inside the consumer's task: cancelling the consumer raises
// CancelledError at the generator's own suspension point. Destroying the generator early (a break
// out of the loop) destroys its frame, running the destructors of its locals.
template <class T>
class [[nodiscard("an AsyncGenerator does nothing until next() is awaited")]] AsyncGenerator {
 public:
  struct promise_type : detail::GeneratorPromise<T> {
    promise_type(std::source_location where = std::source_location::current()) noexcept
        : detail::GeneratorPromise<T>(where) {}
    AsyncGenerator get_return_object() noexcept {
      return AsyncGenerator(std::coroutine_handle<promise_type>::from_promise(*this));
    }
  };
  using handle_type = std::coroutine_handle<promise_type>;

  AsyncGenerator(AsyncGenerator&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  AsyncGenerator& operator=(AsyncGenerator&& other) noexcept {
    if (this != &other) {
      if (handle_) handle_.destroy();
      handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
  }
  ~AsyncGenerator() {
    if (handle_) handle_.destroy();
  }

  class [[nodiscard]] NextAwaiter {
   public:
    explicit NextAwaiter(handle_type gen) noexcept : gen_(gen) {}
    bool await_ready() const noexcept { return !gen_ || gen_.done(); }
    template <class Promise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> consumer) noexcept {
      gen_.promise().slot.reset();
      gen_.promise().link(consumer);
      return gen_;
    }
    // The next value; nothing at the end (the generator's exception, if any, is rethrown once).
    std::optional<T> await_resume() {
      if (!gen_) return std::nullopt;
      if (gen_.done()) {
        gen_.promise().rethrow_once();
        return std::nullopt;
      }
      return std::move(gen_.promise().slot);
    }

   private:
    handle_type gen_;
  };

  // Runs the generator to its next co_yield (or its end).
  NextAwaiter next() noexcept { return NextAwaiter(handle_); }

 private:
  explicit AsyncGenerator(handle_type h) noexcept : handle_(h) {}
  handle_type handle_;
};

}  // namespace corio
