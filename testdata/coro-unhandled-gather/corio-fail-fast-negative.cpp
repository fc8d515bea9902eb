// Part (a) negatives: a handler that catches every task failure, the settled
// form, and gathers that are not awaited in a coroutine.
#include <corio/corio.hpp>
#include <cstdio>
#include <exception>
#include <vector>

corio::Task<int> fetch(int id) { co_return id; }

corio::Task<int> catch_all() {
  try {
    auto [a, b] = co_await corio::gather(fetch(1), fetch(2));
    co_return a + b;
  } catch (...) {
    co_return -1;
  }
}

corio::Task<int> catch_std_exception() {
  try {
    if (true) {
      auto values = co_await corio::gather(std::vector<corio::Task<int>>{});
      co_return static_cast<int>(values.size());
    }
  } catch (const std::exception &e) {
    std::printf("%s\n", e.what());
  }
  co_return 0;
}

corio::Task<int> several_handlers() {
  try {
    auto [a] = co_await corio::gather(fetch(1));
    co_return a;
  } catch (const corio::CancelledError &) {
    throw;
  } catch (std::exception &) {
    co_return 0;
  }
}

corio::Task<int> settled_form() {
  auto [a, b] =
      co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  co_return (a ? a.value() : 0) + (b.ok() ? b.value() : 0);
}

// Not awaited in a coroutine: run() propagates the failure to its caller.
int main() {
  try {
    auto [a, b] = corio::run(corio::gather(fetch(1), fetch(2)));
    return a + b;
  } catch (...) {
    return 1;
  }
}
