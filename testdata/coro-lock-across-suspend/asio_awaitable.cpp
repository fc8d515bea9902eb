// Boost.Asio `awaitable` coroutines: the handler may resume the coroutine on
// any thread running the io_context.
#include <boost/asio.hpp>
#include <chrono>
#include <mutex>

namespace asio = boost::asio;

std::mutex M;
int Counter;

asio::awaitable<void> tickUnderLock(asio::steady_timer &Timer) {
  std::lock_guard Guard(M); // expected-warning {{coroutine 'tickUnderLock'}}
  Timer.expires_after(std::chrono::milliseconds(10));
  co_await Timer.async_wait(asio::use_awaitable); // expected-note {{'Guard' may still be held at this co_await}}
  ++Counter;
}

asio::awaitable<int> readUnderLock(asio::ip::tcp::socket &Socket) {
  char Buffer[64];
  std::unique_lock Lock(M); // expected-warning {{lock 'Lock'}}
  std::size_t N = co_await Socket.async_read_some(asio::buffer(Buffer), asio::use_awaitable); // expected-note {{'Lock' may still be held}}
  co_return static_cast<int>(N);
}

// Negatives: the critical section ends before the wait.
asio::awaitable<void> tickAfterUnlock(asio::steady_timer &Timer) {
  std::unique_lock Lock(M);
  ++Counter;
  Lock.unlock();
  Timer.expires_after(std::chrono::milliseconds(10));
  co_await Timer.async_wait(asio::use_awaitable);
}

asio::awaitable<void> tickThenLock(asio::steady_timer &Timer) {
  co_await Timer.async_wait(asio::use_awaitable);
  std::lock_guard Guard(M);
  ++Counter;
}
