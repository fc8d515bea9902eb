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
  std::ifstream in(path); // expected-warning {{blocking call to the constructor of 'std::ifstream' in coroutine 'streams'}}
  std::ofstream out(path + ".bak", std::ios::app); // expected-warning {{blocking call to the constructor of 'std::ofstream'}}
  std::fstream both{path}; // expected-warning {{blocking call to the constructor of 'std::fstream'}}
  std::wifstream wide(path.c_str()); // expected-warning {{blocking call to the constructor of 'std::wifstream'}}
  std::ifstream later;
  later.open(path); // expected-warning {{blocking call to 'std::basic_ifstream::open'}}
  out.open(path); // expected-warning {{blocking call to 'std::basic_ofstream::open'}}
  std::string line;
  std::getline(in, line); // expected-warning {{blocking call to 'std::getline'}}
  std::getline(std::cin, line); // expected-warning {{blocking call to 'std::getline'}}
  int n = 0;
  std::cin >> n; // expected-warning {{blocking call to 'operator>>' on 'std::cin'}}
  std::cin >> line >> n; // expected-warning {{blocking call to 'operator>>' on 'std::cin'}}
  co_return line;
}

mini::Task<int> c_stdio(char *buf, int size) {
  FILE *f = fopen("/etc/hosts", "r"); // expected-warning {{blocking call to 'fopen' in coroutine 'c_stdio'}}
  fread(buf, 1, size, f); // expected-warning {{blocking call to 'fread'}}
  fwrite(buf, 1, size, f); // expected-warning {{blocking call to 'fwrite'}}
  fgets(buf, size, f); // expected-warning {{blocking call to 'fgets'}}
  int x = 0;
  fscanf(f, "%d", &x); // expected-warning {{blocking call to 'fscanf'}}
  scanf("%d", &x); // expected-warning {{blocking call to 'scanf'}}
  int c = getchar(); // expected-warning {{blocking call to 'getchar'}}
  std::FILE *g = std::fopen("/tmp/x", "w"); // expected-warning {{blocking call to 'fopen'}}
  (void)g;
  co_return c + x;
}

mini::Task<long> posix_io(char *buf) {
  int fd = open("/dev/urandom", O_RDONLY); // expected-warning {{blocking call to 'open' in coroutine 'posix_io'}}
  long n = read(fd, buf, 16); // expected-warning {{blocking call to 'read'}}
  n += write(1, buf, 16); // expected-warning {{blocking call to 'write'}}
  n += pread(fd, buf, 16, 0); // expected-warning {{blocking call to 'pread'}}
  n += pwrite(fd, buf, 16, 0); // expected-warning {{blocking call to 'pwrite'}}
  fsync(fd); // expected-warning {{blocking call to 'fsync'}}
  co_return n;
}
