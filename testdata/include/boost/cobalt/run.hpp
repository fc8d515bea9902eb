// Stand-in for Boost.Cobalt's <boost/cobalt/run.hpp> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <coroutine>
#include <exception>
#include <boost/cobalt/task.hpp>

namespace boost::cobalt {
template <typename T> T run(task<T> T0) { return T0.await_resume(); }
} // namespace boost::cobalt
