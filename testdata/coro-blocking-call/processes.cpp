// Running and waiting for processes.
#include <minitask/minitask.hpp>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>

mini::Task<int> spawn(pid_t pid) {
  int r = system("ls"); // expected-warning {{'system' blocks the event loop inside coroutine 'spawn'; await an asynchronous alternative or move the call to an executor}}
  r += std::system("true"); // expected-warning {{'system' blocks}}
  FILE *p = popen("date", "r"); // expected-warning {{'popen' blocks}}
  r += pclose(p); // expected-warning {{'pclose' blocks}}
  int status = 0;
  waitpid(pid, &status, 0); // expected-warning {{'waitpid' blocks}}
  wait(&status); // expected-warning {{'wait' blocks}}
  co_return r + status;
}
