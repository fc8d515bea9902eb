// Stand-in for cpr's <cpr/cpr.h> (api.h, session.h, async_wrapper.h;
// coro-tidy testdata): declarations only, the real qualified names and
// signature shapes.
#pragma once
#include <chrono>
#include <future>
#include <string>

namespace cpr {
struct Url {
  std::string str;
  Url(const char *s) : str(s) {}
};
struct Body {
  std::string str;
  Body(const char *s) : str(s) {}
};
class Response {
public:
  long status_code{};
  std::string text;
};
template <typename T, bool isCancellable = false> class AsyncWrapper {
public:
  explicit AsyncWrapper(std::future<T> &&f);
  [[nodiscard]] T get();
  [[nodiscard]] bool valid() const noexcept;
  void wait() const;
  template <class Rep, class Period>
  std::future_status
  wait_for(const std::chrono::duration<Rep, Period> &timeout_duration) const;
};
using AsyncResponse = AsyncWrapper<Response>;

class Session {
public:
  void SetUrl(const Url &url);
  void SetBody(const Body &body);
  Response Delete();
  Response Get();
  Response Head();
  Response Options();
  Response Patch();
  Response Post();
  Response Put();
  AsyncResponse GetAsync();
  AsyncResponse PostAsync();
};

template <typename... Ts> Response Get(Ts &&...ts);
template <typename... Ts> AsyncResponse GetAsync(Ts... ts);
template <typename Then, typename... Ts> auto GetCallback(Then then, Ts... ts);
template <typename... Ts> Response Post(Ts &&...ts);
template <typename... Ts> AsyncResponse PostAsync(Ts... ts);
template <typename... Ts> Response Put(Ts &&...ts);
template <typename... Ts> Response Delete(Ts &&...ts);
template <typename... Ts> Response Head(Ts &&...ts);
} // namespace cpr
