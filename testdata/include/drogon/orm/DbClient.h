// Stand-in for drogon's <drogon/orm/DbClient.h> (coro-tidy testdata):
// declarations only, the real qualified names and signature shapes.
#pragma once
#include <coroutine>
#include <future>
#include <string>

namespace drogon::orm {
class Result {
public:
  Result(std::nullptr_t);
  std::size_t size() const;
};
namespace internal {
struct SqlAwaiter {
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  Result await_resume();
};
} // namespace internal
class DbClient {
public:
  virtual ~DbClient();
  /// Async and nonblocking.
  template <typename... Arguments>
  std::future<Result> execSqlAsyncFuture(const std::string &sql,
                                         Arguments &&...args) noexcept;
  /// Sync and blocking.
  template <typename... Arguments>
  Result execSqlSync(const std::string &sql, Arguments &&...args) noexcept(false);
  template <typename... Arguments>
  internal::SqlAwaiter execSqlCoro(const std::string &sql,
                                   Arguments &&...args) noexcept;
};
} // namespace drogon::orm
