// Stand-in for trantor's <trantor/net/EventLoop.h> (coro-tidy testdata):
// declarations only, the real qualified names, no code from the project.
#pragma once
#include <functional>

namespace trantor {
class EventLoop {
public:
  EventLoop();
  ~EventLoop();
  /// Runs the loop until quit() is called.
  void loop();
  void quit();
  bool isInLoopThread() const;
  void queueInLoop(const std::function<void()> &cb);
};
} // namespace trantor
