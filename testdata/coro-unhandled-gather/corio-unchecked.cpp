// Part (b): settled results whose value() runs on a path where they were not
// checked first.
#include <corio/corio.hpp>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

corio::Task<int> fetch(int id) { co_return id; }
corio::Task<std::string> name(int id) { co_return std::to_string(id); }
void log(const char *);

corio::Task<int> binding_unchecked() {
  auto [user, orders] =
      co_await corio::gather(corio::return_exceptions, fetch(1), name(2));
  std::printf("%s\n", orders.value().c_str()); // expected-warning {{settled result 'orders' of 'corio::gather' is accessed with 'value' on a path that does not check it}}
  co_return user.value(); // expected-warning {{settled result 'user' of 'corio::gather' is accessed with 'value' on a path that does not check it}}
}

corio::Task<int> checked_then_merged() {
  auto [a, b] = co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  if (a.ok())
    log("a ok");
  co_return a.value() + (b ? b.value() : 0); // expected-warning {{settled result 'a' of 'corio::gather' is accessed with 'value' on a path that does not check it}}
}

corio::Task<int> wrong_branch() {
  auto [a] = co_await corio::gather(corio::return_exceptions, fetch(1));
  if (!a) {
    log("failed");
    co_return a.value(); // expected-warning {{settled result 'a' of 'corio::gather' is accessed with 'value' on a path where it holds a failure}}
  }
  co_return a.value();
}

corio::Task<int> error_is_failure() {
  auto [a] = co_await corio::gather(corio::return_exceptions, fetch(1));
  if (a.error())
    co_return a.value(); // expected-warning {{settled result 'a' of 'corio::gather' is accessed with 'value' on a path where it holds a failure}}
  co_return a.value();
}

corio::Task<int> range_for_unchecked(std::vector<corio::Task<int>> tasks) {
  auto results = co_await corio::gather(corio::return_exceptions, std::move(tasks));
  int sum = 0;
  for (auto &r : results)
    sum += r.value(); // expected-warning {{settled result 'r' of 'corio::gather' is accessed with 'value' on a path that does not check it}}
  co_return sum;
}

corio::Task<int> index_loop_unchecked(std::vector<corio::Task<int>> tasks) {
  auto results = co_await corio::gather(corio::return_exceptions, std::move(tasks));
  int sum = 0;
  for (std::size_t i = 0; i < results.size(); ++i)
    sum += results[i].value(); // expected-warning {{settled result 'results[i]' of 'corio::gather' is accessed with 'value' on a path that does not check it}}
  co_return sum;
}

corio::Task<int> get_unchecked() {
  auto results = co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  if (!std::get<0>(results))
    co_return 0;
  // The first is checked, the second is not.
  co_return std::get<0>(results).value() + std::get<1>(results).value(); // expected-warning {{settled result 'std::get<1>(results)' of 'corio::gather' is accessed with 'value' on a path that does not check it}}
}

corio::Task<int> reference_alias() {
  auto results = co_await corio::gather(corio::return_exceptions, fetch(1), fetch(2));
  auto &first = std::get<0>(results);
  co_return first.value(); // expected-warning {{settled result 'first' of 'corio::gather' is accessed with 'value' on a path that does not check it}}
}

corio::Task<int> checked_in_previous_iteration(std::vector<corio::Task<int>> tasks) {
  auto results = co_await corio::gather(corio::return_exceptions, std::move(tasks));
  int sum = 0;
  for (auto &r : results) {
    sum += r.value(); // expected-warning {{settled result 'r' of 'corio::gather' is accessed with 'value' on a path that does not check it}}
    if (!r.ok())
      break;
  }
  co_return sum;
}
