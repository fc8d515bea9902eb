// Stand-in for concurrencpp's <concurrencpp/concurrencpp.h> (coro-tidy
// testdata): the real qualified names and signature shapes (result,
// lazy_result, shared_result, null_result, executors, submit, when_all,
// when_any, resume_on, executor_tag), minimal bodies written for the tests,
// no code from the project.
#pragma once
#include <chrono>
#include <coroutine>
#include <exception>
#include <memory>
#include <span>
#include <tuple>
#include <type_traits>
#include <vector>

namespace concurrencpp {

enum class result_status { idle, value, exception };
struct executor_tag {};
struct null_result {};

template <class type> class result {
public:
  result() noexcept = default;
  result(result &&) noexcept = default;
  result &operator=(result &&) noexcept = default;
  result(const result &) = delete;
  explicit operator bool() const noexcept;
  result_status status() const;
  void wait() const;
  template <class duration_type, class ratio_type>
  result_status
  wait_for(std::chrono::duration<duration_type, ratio_type> duration) const;
  template <class clock_type, class duration_type>
  result_status wait_until(
      std::chrono::time_point<clock_type, duration_type> timeout_time) const;
  type get();
  struct awaitable {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    type await_resume();
  };
  auto operator co_await() { return awaitable{}; }
  /// co_await r.resolve() hands back the result itself, ready.
  struct resolve_awaitable {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    result await_resume();
  };
  auto resolve() { return resolve_awaitable{}; }
};

template <class type> class lazy_result {
public:
  struct promise_type {
    lazy_result get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() const noexcept { return {}; }
    std::suspend_always final_suspend() const noexcept { return {}; }
    template <class U> void return_value(U &&) {}
    void unhandled_exception() noexcept {}
  };
  lazy_result() noexcept = default;
  lazy_result(lazy_result &&) noexcept = default;
  explicit operator bool() const noexcept;
  result_status status() const;
  struct awaitable {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    type await_resume();
  };
  auto operator co_await() { return awaitable{}; }
  auto resolve() { return awaitable{}; }
  result<type> run();
};
template <> class lazy_result<void> {
public:
  struct promise_type {
    lazy_result get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() const noexcept { return {}; }
    std::suspend_always final_suspend() const noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept {}
  };
  struct awaitable {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() {}
  };
  auto operator co_await() { return awaitable{}; }
  result<void> run();
};

template <class type> class shared_result {
public:
  shared_result() noexcept = default;
  shared_result(result<type> rhs);
  shared_result(const shared_result &) noexcept = default;
  operator bool() const noexcept;
  result_status status() const;
  void wait();
  template <class duration_type, class ratio_type>
  result_status wait_for(std::chrono::duration<duration_type, ratio_type> duration);
  std::add_lvalue_reference_t<type> get();
  struct awaitable {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    type await_resume();
  };
  auto operator co_await() { return awaitable{}; }
};

class executor {
public:
  virtual ~executor() noexcept = default;
  virtual void shutdown() = 0;
  template <class callable_type, class... argument_types>
  void post(callable_type &&callable, argument_types &&...arguments) {
    enqueue_callable(callable, arguments...);
  }
  template <class callable_type, class... argument_types>
  auto submit(callable_type &&callable, argument_types &&...arguments)
      -> result<std::invoke_result_t<callable_type, argument_types...>> {
    enqueue_callable(callable, arguments...);
    return {};
  }

protected:
  template <class... T> static void enqueue_callable(T &...) {}
};

template <class concrete_executor_type>
class derivable_executor : public executor {
public:
  template <class callable_type, class... argument_types>
  void post(callable_type &&callable, argument_types &&...arguments) {
    enqueue_callable(callable, arguments...);
  }
  template <class callable_type, class... argument_types>
  auto submit(callable_type &&callable, argument_types &&...arguments)
      -> result<std::invoke_result_t<callable_type, argument_types...>> {
    enqueue_callable(callable, arguments...);
    return {};
  }
  template <class callable_type,
            class return_type = std::invoke_result_t<callable_type>>
  std::vector<result<return_type>>
  bulk_submit(std::span<callable_type> callable_list) {
    return std::vector<result<return_type>>(callable_list.size());
  }
};

class inline_executor final : public executor {
public:
  void shutdown() override;
};
class thread_pool_executor final
    : public derivable_executor<thread_pool_executor> {
public:
  void shutdown() override;
};
class thread_executor final : public derivable_executor<thread_executor> {
public:
  void shutdown() override;
};
class worker_thread_executor final
    : public derivable_executor<worker_thread_executor> {
public:
  void shutdown() override;
};
class manual_executor final : public derivable_executor<manual_executor> {
public:
  void shutdown() override;
  bool loop_once();
  std::size_t loop(std::size_t max_count);
  void wait_for_task();
  void wait_for_tasks(std::size_t count);
};

class runtime {
public:
  runtime();
  ~runtime() noexcept;
  std::shared_ptr<concurrencpp::inline_executor> inline_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_pool_executor>
  thread_pool_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_pool_executor>
  background_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_executor> thread_executor() const noexcept;
  std::shared_ptr<concurrencpp::worker_thread_executor>
  make_worker_thread_executor();
  std::shared_ptr<concurrencpp::manual_executor> make_manual_executor();
};

namespace details {
template <class executor_type> class resume_on_awaitable {
public:
  resume_on_awaitable(executor_type &executor) noexcept;
  resume_on_awaitable(resume_on_awaitable &&) = delete;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() const {}
};
} // namespace details

template <class executor_type>
auto resume_on(std::shared_ptr<executor_type> executor)
    -> details::resume_on_awaitable<executor_type>;
template <class executor_type>
auto resume_on(executor_type &executor) noexcept
    -> details::resume_on_awaitable<executor_type>;

template <class sequence_type> struct when_any_result {
  std::size_t index;
  sequence_type results;
};

template <class executor_type, class... result_types>
lazy_result<std::tuple<typename std::decay<result_types>::type...>>
when_all(std::shared_ptr<executor_type> resume_executor,
         result_types &&...results);
template <class executor_type, class iterator_type>
lazy_result<std::vector<typename std::iterator_traits<iterator_type>::value_type>>
when_all(std::shared_ptr<executor_type> resume_executor, iterator_type begin,
         iterator_type end);
template <class executor_type, class... result_types>
lazy_result<when_any_result<std::tuple<result_types...>>>
when_any(std::shared_ptr<executor_type> resume_executor,
         result_types &&...results);

namespace details {
template <class type> struct initialy_resumed_result_promise {
  result<type> get_return_object() noexcept;
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  template <class U> void return_value(U &&) {}
  void unhandled_exception() noexcept {}
};
template <> struct initialy_resumed_result_promise<void> {
  result<void> get_return_object() noexcept;
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() noexcept {}
};
struct initialy_resumed_null_result_promise {
  null_result get_return_object() const noexcept { return {}; }
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_never final_suspend() const noexcept { return {}; }
  void return_void() const noexcept {}
  void unhandled_exception() const noexcept {}
};
/// A coroutine `result<T> f(executor_tag, std::shared_ptr<E>, ...)` starts
/// on that executor: the initial suspension posts it there.
template <class executor_type> class initialy_rescheduled_promise {
public:
  template <class... argument_types>
  initialy_rescheduled_promise(executor_tag, std::shared_ptr<executor_type>,
                               argument_types &&...) {}
  template <class... argument_types>
  initialy_rescheduled_promise(executor_tag, executor_type *,
                               argument_types &&...) {}
  std::suspend_always initial_suspend() const noexcept { return {}; }
};
template <class type, class executor_type>
struct initialy_rescheduled_result_promise
    : public initialy_rescheduled_promise<executor_type> {
  using initialy_rescheduled_promise<
      executor_type>::initialy_rescheduled_promise;
  result<type> get_return_object() noexcept;
  std::suspend_always final_suspend() const noexcept { return {}; }
  template <class U> void return_value(U &&) {}
  void unhandled_exception() noexcept {}
};
template <class executor_type>
struct initialy_rescheduled_result_promise<void, executor_type>
    : public initialy_rescheduled_promise<executor_type> {
  using initialy_rescheduled_promise<
      executor_type>::initialy_rescheduled_promise;
  result<void> get_return_object() noexcept;
  std::suspend_always final_suspend() const noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() noexcept {}
};
} // namespace details
} // namespace concurrencpp

template <class type, class executor_type, class... arguments>
struct std::coroutine_traits<::concurrencpp::result<type>,
                             concurrencpp::executor_tag,
                             std::shared_ptr<executor_type>, arguments...> {
  using promise_type =
      concurrencpp::details::initialy_rescheduled_result_promise<type,
                                                                 executor_type>;
};
template <class type, class executor_type, class... arguments>
struct std::coroutine_traits<::concurrencpp::result<type>,
                             concurrencpp::executor_tag, executor_type *,
                             arguments...> {
  using promise_type =
      concurrencpp::details::initialy_rescheduled_result_promise<type,
                                                                 executor_type>;
};
template <class type, class... arguments>
struct std::coroutine_traits<::concurrencpp::result<type>, arguments...> {
  using promise_type =
      concurrencpp::details::initialy_resumed_result_promise<type>;
};
template <class... arguments>
struct std::coroutine_traits<::concurrencpp::null_result, arguments...> {
  using promise_type =
      concurrencpp::details::initialy_resumed_null_result_promise;
};
