// Boost.Cobalt: join is fail-fast; gather yields
// boost::system::result<T, std::exception_ptr> (the real Boost header).
#include <boost/cobalt/gather.hpp>
#include <boost/cobalt/task.hpp>
#include <exception>

boost::cobalt::task<int> get(int i) { co_return i; }

boost::cobalt::task<int> fail_fast() {
  auto [a, b] = co_await boost::cobalt::join(get(1), get(2)); // expected-warning {{'boost::cobalt::join' fails fast and is awaited outside a try block that catches std::exception in coroutine 'fail_fast'}} expected-note {{the settled form 'boost::cobalt::gather(...)'}}
  co_return a + b;
}

boost::cobalt::task<int> fail_fast_handled() {
  try {
    auto [a, b] = co_await boost::cobalt::join(get(1), get(2));
    co_return a + b;
  } catch (...) {
    co_return 0;
  }
}

boost::cobalt::task<int> settled() {
  auto [a, b, c, d] = co_await boost::cobalt::gather(get(1), get(2), get(3), get(4));
  int sum = 0;
  if (a.has_value())
    sum += a.value();
  if (b)
    sum += *b;
  if (c.has_error())
    co_return sum;
  sum += c.value();
  sum += *d; // expected-warning {{settled result 'd' of 'boost::cobalt::gather' is accessed with 'operator*' on a path that does not check it}}
  co_return sum;
}

boost::cobalt::task<void> discarded() {
  co_await boost::cobalt::gather(get(1), get(2)); // expected-warning {{settled results of 'boost::cobalt::gather' are discarded with any failure they hold}}
}
