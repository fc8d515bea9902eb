// The loop's reactor: an epoll instance for file descriptors, and the eventfd that wakes it.
#pragma once

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <system_error>

namespace corio::detail {

// A file descriptor registered with the loop's epoll instance.
class IoSource {
 public:
  virtual void on_io(std::uint32_t epoll_events) noexcept = 0;

 protected:
  ~IoSource() = default;
};

// Owns the epoll instance and the wakeup eventfd. File descriptors are edge-triggered: the source
// keeps trying its syscall until EAGAIN. Everything but wake() runs on the loop thread.
class Reactor {
 public:
  Reactor() {
    epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (epoll_fd_ < 0 || wake_fd_ < 0) {
      const int err = errno;
      close_fds();
      throw std::system_error(err, std::system_category(), "corio::EventLoop");
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr;  // null marks the wakeup eventfd
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
  }
  Reactor(const Reactor&) = delete;
  Reactor& operator=(const Reactor&) = delete;
  ~Reactor() { close_fds(); }

  void watch_fd(int fd, IoSource& source, std::uint32_t events) {
    epoll_event ev{};
    ev.events = events | EPOLLET;
    ev.data.ptr = &source;
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
      throw std::system_error(errno, std::system_category(), "epoll_ctl(ADD)");
    }
    ++watched_fds_;
  }
  void unwatch_fd(int fd) noexcept {
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr) == 0) --watched_fds_;
  }

  // Operations waiting for a file descriptor; while there are none, the loop skips epoll.
  void add_waiter() noexcept { ++waiters_; }
  void remove_waiter() noexcept { --waiters_; }
  bool has_waiters() const noexcept { return waiters_ > 0; }

  // Waits up to `timeout_ms` (-1: no limit, 0: just polls) and tells the ready sources.
  void wait(int timeout_ms) {
    epoll_event events[64];
    int n = ::epoll_wait(epoll_fd_, events, 64, timeout_ms);
    for (int i = 0; i < n; ++i) {
      if (events[i].data.ptr == nullptr) {
        std::uint64_t count;
        [[maybe_unused]] auto r = ::read(wake_fd_, &count, sizeof count);
      } else {
        static_cast<IoSource*>(events[i].data.ptr)->on_io(events[i].events);
      }
    }
  }

  // Any thread: makes a wait() in progress (or the next one) return.
  void wake() const noexcept {
    const std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wake_fd_, &one, sizeof one);
  }

 private:
  void close_fds() noexcept {
    if (wake_fd_ >= 0) ::close(wake_fd_);
    if (epoll_fd_ >= 0) ::close(epoll_fd_);
    wake_fd_ = epoll_fd_ = -1;
  }

  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::size_t watched_fds_ = 0;
  std::size_t waiters_ = 0;
};

}  // namespace corio::detail
