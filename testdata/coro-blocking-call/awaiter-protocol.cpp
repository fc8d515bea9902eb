// The awaiter protocol is the runtime's, called by name or through
// co_await: a combinator that calls `aw.await_resume()` once
// `aw.await_ready()` says the operation is complete (Boost.Cobalt's join
// does, for a thread awaitable whose await_resume joins a finished thread)
// is not reported, as `co_await aw` is not. A member outside the protocol
// that waits is reported as any helper.
#include <coroutine>
#include <minitask/minitask.hpp>
#include <thread>

struct ThreadAwaitable {
  std::thread *thread_;
  bool done_ = false;
  bool await_ready() const noexcept { return done_; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {
    if (thread_->joinable())
      thread_->join();
  }
  void finish() {
    if (thread_->joinable())
      thread_->join(); // expected-note {{'ThreadAwaitable::finish' calls 'std::thread::join', which can block}}
  }
};

template <class Awaitable> mini::Task<void> await_one(Awaitable &aw) {
  if (aw.await_ready())
    aw.await_resume();
  else
    co_await aw;
}

template mini::Task<void> await_one(ThreadAwaitable &);

mini::Task<void> finish_by_hand(ThreadAwaitable &aw) {
  aw.finish(); // expected-warning {{call to 'ThreadAwaitable::finish' in coroutine 'finish_by_hand' can reach a blocking call to 'std::thread::join'}}
  co_return;
}
