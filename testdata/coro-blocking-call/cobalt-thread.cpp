// Boost.Cobalt's thread: join() waits for the thread's event loop to end
// (the runtime table lists it), and the destructor, which would join it
// too, has nothing left to wait for once join() was called.
#include <boost/cobalt/task.hpp>
#include <boost/cobalt/thread.hpp>

boost::cobalt::thread make_thread();

boost::cobalt::task<void> joined() {
  auto t = make_thread();
  if (t.joinable())
    t.join(); // expected-warning {{blocking call to 'boost::cobalt::thread::join' in coroutine 'joined'}}
  co_return;
}
