// Stand-in for drogon's <drogon/HttpAppFramework.h> (coro-tidy testdata):
// declarations only, the real qualified names, no code from the project.
#pragma once
#include <trantor/net/EventLoop.h>

namespace drogon {
class HttpAppFramework {
public:
  virtual ~HttpAppFramework() = default;
  /// Runs the main event loop until quit().
  virtual void run() = 0;
  virtual void quit() = 0;
  virtual trantor::EventLoop *getLoop() const = 0;
  static HttpAppFramework &instance();
};
inline HttpAppFramework &app() { return HttpAppFramework::instance(); }
} // namespace drogon
