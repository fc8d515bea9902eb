// In-memory streams, formatting, and names that only look like I/O.
#include <minitask/minitask.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

mini::Task<int> in_memory(const std::string &text) {
  std::istringstream in(text);
  std::string line;
  std::getline(in, line); // A string stream never blocks.
  std::stringstream ss;
  ss << line;
  std::getline(ss, line, ',');
  int n = 0;
  in >> n; // operator>> on a string stream, not std::cin.
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d", n);
  std::ifstream unopened; // Default construction opens nothing.
  std::ifstream moved(std::move(unopened));
  co_return n + static_cast<int>(moved.is_open());
}

// The user's own functions called read/write/open are not POSIX's.
struct Buffer {};
int read(Buffer &);
namespace store {
int write(Buffer &);
void open(const char *);
}
struct Connection {
  int read(char *, int);
  void open();
};
mini::Task<int> own_names(Buffer &b, Connection &c, char *p) {
  int n = read(b) + store::write(b);
  store::open("db");
  c.open();
  n += c.read(p, 4);
  co_return n;
}

// A plain function reading a file: not a coroutine.
std::string slurp(const std::string &path) {
  std::ifstream in(path);
  std::string all, line;
  while (std::getline(in, line))
    all += line;
  return all;
}
