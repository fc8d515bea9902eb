// Part (a) negatives: a fail-fast gather of tasks that produce no value
// (a tuple or vector of std::monostate) discards no result when one fails;
// failing fast is usually the point (stop the siblings, propagate).
#include <corio/corio.hpp>
#include <utility>
#include <vector>

corio::Task<void> ping() { co_return; }
corio::Task<void> watchdog() { co_return; }

corio::Task<void> statement_form() {
  co_await corio::gather(ping(), ping());
}

corio::Task<void> kept_monostates() {
  auto [a, b] = co_await corio::gather(ping(), watchdog());
  (void)a;
  (void)b;
}

corio::Task<void> vector_of_void(std::vector<corio::Task<void>> tasks) {
  co_await corio::gather(std::move(tasks));
}

corio::Task<void> handles() {
  auto h1 = corio::create_task(ping());
  auto h2 = corio::create_task(ping());
  co_await corio::gather(std::move(h1), std::move(h2));
}

// The same in a lambda coroutine and through a stored combinator awaitable.
corio::Task<void> lambda_and_local() {
  auto work = []() -> corio::Task<void> {
    co_await corio::gather(ping(), ping());
  };
  co_await work();
  auto both = corio::gather(ping(), watchdog());
  co_await std::move(both);
}
