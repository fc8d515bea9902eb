#include "store.h"

int pong(int n) { return ping(n - 1); }
