// Running and waiting for processes.
#include <minitask/minitask.hpp>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>

mini::Task<int> spawn(pid_t pid) {
  int r = system("ls"); // expected-warning {{blocking call to 'system' in coroutine 'spawn'}}
  r += std::system("true"); // expected-warning {{blocking call to 'system'}}
  FILE *p = popen("date", "r"); // expected-warning {{blocking call to 'popen'}}
  r += pclose(p); // expected-warning {{blocking call to 'pclose'}}
  int status = 0;
  waitpid(pid, &status, 0); // expected-warning {{blocking call to 'waitpid'}}
  wait(&status); // expected-warning {{blocking call to 'wait'}}
  co_return r + status;
}
