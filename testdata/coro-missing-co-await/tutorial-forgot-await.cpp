// The asyncio tutorial, "Mistake 1: Forgetting await", in C++.
//
//   async def main():
//       result = fetch_data()        # WRONG: returns a coroutine, doesn't run
//       result = await fetch_data()  # RIGHT
#include <minitask/minitask.hpp>
#include <string>
using namespace mini;

Task<std::string> fetch_data() { co_return "data"; }

Task<> wrong() {
  auto result = fetch_data(); // expected-warning {{'result' holds the result of coroutine 'fetch_data'}}
  co_return;
}

Task<> right() {
  auto result = co_await fetch_data();
  (void)result;
}
