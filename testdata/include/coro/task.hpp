// Stand-in for libcoro's <coro/task.hpp> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <standin/lazy_task.hpp>

namespace coro {
CORO_TIDY_STANDIN_LAZY_TASK(task);
} // namespace coro
