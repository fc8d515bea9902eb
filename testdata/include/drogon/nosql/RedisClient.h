// Stand-in for drogon's <drogon/nosql/RedisClient.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes.
#pragma once
#include <coroutine>
#include <string_view>
#include <type_traits>

namespace drogon::nosql {
class RedisResult {
public:
  std::string_view asString() const;
};
namespace internal {
struct RedisAwaiter {
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  RedisResult await_resume();
};
} // namespace internal
class RedisClient {
public:
  virtual ~RedisClient();
  /// Sync and blocking.
  template <typename F, typename... Args>
  std::invoke_result_t<F, const RedisResult &>
  execCommandSync(F &&processFunc, std::string_view command, Args &&...args) {
    (void)command;
    ((void)args, ...);
    return processFunc(RedisResult{});
  }
  template <typename... Arguments>
  internal::RedisAwaiter execCommandCoro(std::string_view command,
                                         Arguments &&...args);
};
} // namespace drogon::nosql
