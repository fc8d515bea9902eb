// Stand-in for folly's <folly/Unit.h> (coro-tidy testdata): declarations
// only, the real qualified names and signature shapes, no code from the
// project.
#pragma once
#include <type_traits>

namespace folly {
/// The value of a computation that has none (`SemiFuture<Unit>` for a
/// `Task<void>`).
struct Unit {};
template <typename T>
using lift_unit_t = std::conditional_t<std::is_void_v<T>, Unit, T>;
template <typename T>
using drop_unit_t = std::conditional_t<std::is_same_v<T, Unit>, void, T>;
} // namespace folly
