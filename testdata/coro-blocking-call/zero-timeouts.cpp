// POSIX waits that do wait: a non-zero or unknown timeout, a null timeout
// pointer (forever), a timeout struct that is not zero everywhere it is
// used, and waitpid without WNOHANG.
#include <minitask/minitask.hpp>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>

mini::Task<void> poll_with_timeout(pollfd *fds, int ms) {
  ::poll(fds, 1, 100); // expected-warning {{blocking call to 'poll' in coroutine 'poll_with_timeout'}}
  ::poll(fds, 1, ms); // expected-warning {{blocking call to 'poll'}}
  ::poll(fds, 1, -1); // expected-warning {{blocking call to 'poll'}}
  co_return;
}

mini::Task<void> epoll_forever(int epfd, epoll_event *events) {
  ::epoll_wait(epfd, events, 16, -1); // expected-warning {{blocking call to 'epoll_wait' in coroutine 'epoll_forever'}}
  co_return;
}

mini::Task<void> select_forever(int n, fd_set *readable) {
  ::select(n, readable, nullptr, nullptr, nullptr); // expected-warning {{blocking call to 'select' in coroutine 'select_forever'}}
  co_return;
}

mini::Task<void> select_one_second(int n, fd_set *readable) {
  timeval tv{1, 0};
  ::select(n, readable, nullptr, nullptr, &tv); // expected-warning {{blocking call to 'select'}}
  co_return;
}

// Zero at first, then set to a second before the next call.
mini::Task<void> select_timeout_changed(int n, fd_set *readable) {
  timeval tv{0, 0};
  ::select(n, readable, nullptr, nullptr, &tv); // expected-warning {{blocking call to 'select'}}
  tv.tv_sec = 1;
  ::select(n, readable, nullptr, nullptr, &tv); // expected-warning {{blocking call to 'select'}}
  co_return;
}

// Its address goes to another function, which may change it.
void configure(timespec *);
mini::Task<void> ppoll_timeout_escapes(pollfd *fds) {
  timespec ts{};
  configure(&ts);
  ::ppoll(fds, 1, &ts, nullptr); // expected-warning {{blocking call to 'ppoll' in coroutine 'ppoll_timeout_escapes'}}
  co_return;
}

mini::Task<void> pselect_given_timeout(int n, fd_set *readable, const timespec *ts) {
  ::pselect(n, readable, nullptr, nullptr, ts, nullptr); // expected-warning {{blocking call to 'pselect'}}
  co_return;
}

mini::Task<int> reap(pid_t child) {
  int status = 0;
  ::waitpid(child, &status, 0); // expected-warning {{blocking call to 'waitpid' in coroutine 'reap'}}
  ::waitpid(child, &status, WUNTRACED); // expected-warning {{blocking call to 'waitpid'}}
  co_return status;
}
