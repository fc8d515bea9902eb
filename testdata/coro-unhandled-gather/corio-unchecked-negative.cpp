// Part (b) negatives: every way of checking a settled result first.
#include <corio/corio.hpp>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

corio::Task<int> fetch(int id) { co_return id; }
void log(const char *);
bool all_ok(const std::vector<corio::Result<int>> &);
void report(std::exception_ptr);

corio::Task<int> if_checked() {
  auto [a, b] = co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  int sum = 0;
  if (a)
    sum += a.value();
  if (b.ok()) {
    log("b");
    sum += b.value();
  } else {
    report(b.error());
  }
  co_return sum;
}

corio::Task<int> early_return() {
  auto [a, b] = co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  if (!a)
    co_return -1;
  if (!b.ok())
    throw std::runtime_error("b failed");
  co_return a.value() + b.value();
}

corio::Task<int> continue_on_failure(std::vector<corio::Task<int>> tasks) {
  auto results = co_await corio::gather(corio::return_exceptions, std::move(tasks));
  int sum = 0;
  for (auto &r : results) {
    if (!r)
      continue;
    sum += r.value();
  }
  for (const auto &r : results) {
    if (r.error() != nullptr) {
      report(r.error());
      continue;
    }
    sum += r.value();
  }
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!results[i].ok())
      break;
    sum += results[i].value();
  }
  co_return sum;
}

corio::Task<int> conditions() {
  auto [a, b, c] = co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2), fetch(3));
  int x = a ? a.value() : 0;
  if (b.ok() && b.value() > 0)
    x += b.value();
  if (!c.ok() || c.value() < 0)
    co_return x;
  co_return x + c.value();
}

corio::Task<int> stored_check() {
  auto [a] = co_await corio::gather(corio::return_exceptions, fetch(1));
  bool ok = a.ok();
  if (!ok)
    co_return 0;
  co_return a.value();
}

corio::Task<int> null_error() {
  auto [a] = co_await corio::gather(corio::return_exceptions, fetch(1));
  if (a.error() == nullptr)
    co_return a.value();
  co_return 0;
}

corio::Task<int> handled_by_try() {
  auto [a, b] = co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  try {
    co_return a.value() + b.value();
  } catch (const std::exception &e) {
    std::printf("%s\n", e.what());
  }
  co_return 0;
}

corio::Task<int> checked_by_helper(std::vector<corio::Task<int>> tasks) {
  auto results = co_await corio::gather(corio::return_exceptions, std::move(tasks));
  if (!all_ok(results))
    co_return 0;
  co_return results[0].value();
}

corio::Task<int> get_checked() {
  auto results = co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  if (!std::get<0>(results).ok() || !std::get<1>(results).ok())
    co_return 0;
  co_return std::get<0>(results).value() + std::get<1>(results).value();
}

corio::Task<int> accessed_twice() {
  auto [a] = co_await corio::gather(corio::return_exceptions, fetch(1));
  if (a) {
    int first = a.value();
    co_return first + a.value();
  }
  co_return 0;
}

// Not a settled result: a fail-fast gather's values are plain values.
corio::Task<int> plain_values() {
  try {
    auto [a, b] = co_await corio::gather(fetch(1), fetch(2));
    co_return a + b;
  } catch (...) {
    co_return 0;
  }
}

// A Result that did not come from a settled combinator is not tracked.
int not_from_gather(corio::Result<int> r) { return r.value(); }
