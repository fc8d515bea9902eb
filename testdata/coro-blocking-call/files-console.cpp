// File and console I/O: every call parks the loop thread on the disk or
// the terminal.
#include <minitask/minitask.hpp>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>

mini::Task<std::string> streams(const std::string &path) {
  std::ifstream in(path); // expected-warning {{constructing 'std::ifstream' blocks the event loop inside coroutine 'streams'; await an asynchronous alternative or move the call to an executor}}
  std::ofstream out(path + ".bak", std::ios::app); // expected-warning {{constructing 'std::ofstream' blocks}}
  std::fstream both{path}; // expected-warning {{constructing 'std::fstream' blocks}}
  std::wifstream wide(path.c_str()); // expected-warning {{constructing 'std::wifstream' blocks}}
  std::ifstream later;
  later.open(path); // expected-warning {{'std::basic_ifstream::open' blocks}}
  out.open(path); // expected-warning {{'std::basic_ofstream::open' blocks}}
  std::string line;
  std::getline(in, line); // expected-warning {{'std::getline' blocks}}
  std::getline(std::cin, line); // expected-warning {{'std::getline' blocks}}
  int n = 0;
  std::cin >> n; // expected-warning {{reading 'std::cin' with 'operator>>' blocks}}
  std::cin >> line >> n; // expected-warning {{reading 'std::cin' with 'operator>>' blocks}}
  co_return line;
}

mini::Task<int> c_stdio(char *buf, int size) {
  FILE *f = fopen("/etc/hosts", "r"); // expected-warning {{'fopen' blocks the event loop inside coroutine 'c_stdio'}}
  fread(buf, 1, size, f); // expected-warning {{'fread' blocks}}
  fwrite(buf, 1, size, f); // expected-warning {{'fwrite' blocks}}
  fgets(buf, size, f); // expected-warning {{'fgets' blocks}}
  int x = 0;
  fscanf(f, "%d", &x); // expected-warning {{'fscanf' blocks}}
  scanf("%d", &x); // expected-warning {{'scanf' blocks}}
  int c = getchar(); // expected-warning {{'getchar' blocks}}
  std::FILE *g = std::fopen("/tmp/x", "w"); // expected-warning {{'fopen' blocks}}
  (void)g;
  co_return c + x;
}

mini::Task<long> posix_io(char *buf) {
  int fd = open("/dev/urandom", O_RDONLY); // expected-warning {{'open' blocks the event loop inside coroutine 'posix_io'}}
  long n = read(fd, buf, 16); // expected-warning {{'read' blocks}}
  n += write(1, buf, 16); // expected-warning {{'write' blocks}}
  n += pread(fd, buf, 16, 0); // expected-warning {{'pread' blocks}}
  n += pwrite(fd, buf, 16, 0); // expected-warning {{'pwrite' blocks}}
  fsync(fd); // expected-warning {{'fsync' blocks}}
  co_return n;
}
