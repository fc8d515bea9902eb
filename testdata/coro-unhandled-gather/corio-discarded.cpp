// Part (c): settled results thrown away as a whole.
#include <corio/corio.hpp>
#include <vector>

corio::Task<void> step(int) { co_return; }

corio::Task<void> fire_and_forget_failures(bool again) {
  co_await corio::gather(corio::return_exceptions, step(1), step(2)); // expected-warning {{settled results of 'corio::gather' are discarded with any failure they hold}}
  if (again)
    co_await corio::gather(corio::return_exceptions, std::vector<corio::Task<void>>{}); // expected-warning {{settled results of 'corio::gather' are discarded with any failure they hold}}
}

corio::Task<void> negatives() {
  // Deliberately ignored, spelled out.
  (void)co_await corio::gather(corio::return_exceptions, step(1), step(2));
  std::vector<corio::Task<void>> more;
  more.push_back(step(3));
  auto results = co_await corio::gather(corio::return_exceptions, std::move(more));
  for (auto &r : results)
    if (!r)
      co_return;
}
