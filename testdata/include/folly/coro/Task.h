// Stand-in for folly's <folly/coro/Task.h> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <standin/lazy_task.hpp>

namespace folly::coro {
CORO_TIDY_STANDIN_LAZY_TASK(Task);
} // namespace folly::coro
