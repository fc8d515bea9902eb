#include "store.h"
#include <unistd.h>

template <class T> T convert(T value) {
  ::usleep(10);
  return value;
}
template int convert<int>(int);
