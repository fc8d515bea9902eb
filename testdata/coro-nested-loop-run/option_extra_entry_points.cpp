// CONFIG: {CheckOptions: {coro-nested-loop-run.ExtraEntryPoints: '::app::Loop::run_forever'}}
// ExtraEntryPoints adds to the default list: the runtime table's entry
// points (corio::run) are still known.
#include <corio/corio.hpp>
#include <minitask/minitask.hpp>

namespace app {
class Loop {
public:
  void run_forever();
};
} // namespace app

corio::Task<int> compute() { co_return 1; }

mini::Task<void> both(app::Loop &L) {
  L.run_forever(); // expected-warning {{call to event loop entry point 'app::Loop::run_forever' in coroutine 'both'}}
  corio::run(compute()); // expected-warning {{call to event loop entry point 'corio::run' in coroutine 'both'}}
  co_return;
}
