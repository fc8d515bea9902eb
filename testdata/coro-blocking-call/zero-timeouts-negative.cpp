// POSIX waits whose arguments make them return at once: a zero timeout
// only polls, and WNOHANG returns if no child has changed state (the
// manual pages of poll, epoll_wait, select, ppoll and waitpid).
#include <minitask/minitask.hpp>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>

mini::Task<int> poll_now(pollfd *fds) {
  int ready = ::poll(fds, 1, 0);
  co_return ready;
}

constexpr int NoWait = 0;
mini::Task<int> epoll_now(int epfd, epoll_event *events) {
  int n = ::epoll_wait(epfd, events, 16, NoWait);
  n += ::epoll_pwait(epfd, events, 16, 0, nullptr);
  co_return n;
}

mini::Task<void> select_now(int n, fd_set *readable) {
  timeval tv{0, 0};
  ::select(n, readable, nullptr, nullptr, &tv);
  co_return;
}

// The C way: declared, then its fields set to zero. select may shorten
// the timeout; a zero one stays zero, so the loop keeps polling.
mini::Task<void> select_loop(int n, fd_set *readable) {
  struct timeval tv;
  tv.tv_sec = 0;
  tv.tv_usec = 0;
  for (int i = 0; i < 3; ++i) {
    ::select(n, readable, nullptr, nullptr, &tv);
    co_await mini::sleep(1);
  }
}

mini::Task<void> ppoll_and_pselect_now(pollfd *fds, int n, fd_set *readable) {
  const timespec zero{};
  ::ppoll(fds, 1, &zero, nullptr);
  ::pselect(n, readable, nullptr, nullptr, &zero, nullptr);
  co_return;
}

mini::Task<bool> child_exited(pid_t child) {
  int status = 0;
  bool done = ::waitpid(child, &status, WNOHANG) == child;
  done = done || ::waitpid(child, &status, WNOHANG | WUNTRACED) == child;
  siginfo_t info{};
  ::waitid(P_PID, child, &info, WEXITED | WNOHANG);
  co_return done;
}
