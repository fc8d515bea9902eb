// A std::coroutine_handle is no task, even where a coroutine_traits partial
// specialisation keyed on one handle type (Boost.Cobalt's post coroutine:
// coroutines returning coroutine_handle<post_promise<T>>) makes that one
// handle a coroutine return type. Releasing another promise's handle and
// dropping it loses no awaitable work.
#include <coroutine>
#include <exception>
#include <minitask/minitask.hpp>

template <class T> struct post_promise {
  std::coroutine_handle<post_promise> get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() { std::terminate(); }
};

namespace std {
template <class T, class... Args>
struct coroutine_traits<coroutine_handle<post_promise<T>>, Args...> {
  using promise_type = post_promise<T>;
};
} // namespace std

struct fork {
  struct promise_type {};
  std::coroutine_handle<promise_type> release();
};

mini::Task<void> drop_released(fork &f) {
  f.release();
  co_return;
}
