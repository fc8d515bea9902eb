// The value of a scope's body: T for a body that returns Task<T> (with(), task_group(), timeout()).
#pragma once

#include <functional>
#include <type_traits>
#include <utility>

#include "corio/task.hpp"

namespace corio {

class Timeout;

namespace detail {

template <class>
struct task_value;
template <class T>
struct task_value<Task<T>> {
  using type = T;
};
template <class Body, class Resource>
using body_value_t = typename task_value<std::invoke_result_t<Body&, Resource&>>::type;

// A timeout scope's body may take the scope (to reschedule it) or nothing.
template <class Body>
decltype(auto) call_timeout_body(Body& body, Timeout& scope) {
  if constexpr (std::is_invocable_v<Body&, Timeout&>) return std::invoke(body, scope);
  else return std::invoke(body);
}
template <class Body>
using timeout_value_t =
    typename task_value<decltype(call_timeout_body(std::declval<Body&>(), std::declval<Timeout&>()))>::type;

}  // namespace detail
}  // namespace corio
