// with(): an async context manager (`async with resource as r:`).
#pragma once

#include <exception>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include "corio/detail/body_value.hpp"
#include "corio/task.hpp"

namespace corio {

// A resource whose release is asynchronous: `Task<void> aclose()`.
template <class R>
concept AsyncClosable = requires(R& r) { r.aclose(); };

// Runs `body(resource)` and then always awaits `resource.aclose()`: after success, after an
// exception and after cancellation (the cancellation has been delivered by then, so the close can
// await). The body's exception is rethrown after the close. The resource is moved into the call.
template <AsyncClosable Resource, class Body>
Task<detail::body_value_t<Body, Resource>> with(Resource resource, Body body) {
  using Value = detail::body_value_t<Body, Resource>;
  std::exception_ptr error;
  if constexpr (std::is_void_v<Value>) {
    try {
      co_await std::invoke(body, resource);
    } catch (...) {
      error = std::current_exception();
    }
    co_await resource.aclose();
    if (error) std::rethrow_exception(error);
  } else {
    std::optional<Value> value;
    try {
      value.emplace(co_await std::invoke(body, resource));
    } catch (...) {
      error = std::current_exception();
    }
    co_await resource.aclose();
    if (error) std::rethrow_exception(error);
    co_return std::move(*value);
  }
}

// The same with an asynchronous opening (`__aenter__`): awaits `opening` for the resource first.
template <AsyncClosable Resource, class Body>
Task<detail::body_value_t<Body, Resource>> with(Task<Resource> opening, Body body) {
  if constexpr (std::is_void_v<detail::body_value_t<Body, Resource>>) {
    co_await with(co_await std::move(opening), std::move(body));
  } else {
    co_return co_await with(co_await std::move(opening), std::move(body));
  }
}

}  // namespace corio
