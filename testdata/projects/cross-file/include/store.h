#pragma once

namespace store {
struct Profile {
  int id = 0;
};
/// Reads the profile from the database socket (store.cpp).
Profile load_profile(int user);
/// Served from memory; the socket read is a rare refill, accepted.
[[clang::annotate("coro::nonblocking")]] int cached_count(int user);
} // namespace store

namespace db {
/// Runs a query (db.cpp), which reads its reply (net.cpp).
int query(const char *sql);
} // namespace db

namespace net {
int read_all(int fd, char *buf, int n);
} // namespace net

/// Mutually recursive across units: ping (ping.cpp), pong (pong.cpp).
int ping(int n);
int pong(int n);

/// Defined in tmpl.cpp, explicitly instantiated there for int.
template <class T> T convert(T value);
/// Defined here; its helper (log.cpp) blocks.
void log_line(const char *text);
template <class T> T traced(T value) {
  log_line("traced");
  return value;
}

/// Starts a worker thread (worker.cpp); returns at once.
void start_worker();
/// Drives the event loop to completion (loop.cpp).
void compute_blocking();
