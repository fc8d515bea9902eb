// Stand-in for Boost.Cobalt's <boost/cobalt/task.hpp> (Boost 1.84+, not installed) (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <standin/lazy_task.hpp>

namespace boost::cobalt {
CORO_TIDY_STANDIN_LAZY_TASK(task);
} // namespace boost::cobalt
