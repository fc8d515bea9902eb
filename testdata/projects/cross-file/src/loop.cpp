#include "store.h"
#include "task.h"

static Task<> work() { co_return; }

void compute_blocking() { corio::run(work()); }
