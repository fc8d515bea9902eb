#include "store.h"
#include <cstdio>
#include <unistd.h>

void log_line(const char *text) {
  ::write(2, text, 1);
}
