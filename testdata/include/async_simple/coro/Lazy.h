// Stand-in for async_simple's <async_simple/coro/Lazy.h> (coro-tidy testdata): declarations only, the
// real qualified names and signature shapes, no code from the project.
#pragma once
#include <standin/lazy_task.hpp>

namespace async_simple::coro {
CORO_TIDY_STANDIN_LAZY_TASK(Lazy);

template <typename T> T syncAwait(Lazy<T> &&L) { return L.await_resume(); }
template <typename T> T syncAwait(Lazy<T> &L) { return L.await_resume(); }
} // namespace async_simple::coro
