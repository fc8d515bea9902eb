// CONFIG: {CheckOptions: {coro-nested-loop-run.EntryPoints: '::app::Loop::run_forever;app::block_on', coro-nested-loop-run.MaxCallDepth: 2}}
// EntryPoints replaces the default list (corio::run is not in it here);
// methods are written ns::Class::method and match in derived classes.
// MaxCallDepth 2: a direct call or one helper in between.
#include <corio/corio.hpp>
#include <minitask/minitask.hpp>

namespace app {
class Loop {
public:
  void run_forever();
};
class UiLoop : public Loop {};
template <typename T> T block_on(mini::Task<T> Task);
} // namespace app

mini::Task<void> usesCustomLoop(app::UiLoop &Ui) {
  Ui.run_forever(); // expected-warning {{call to event loop entry point 'app::Loop::run_forever' in coroutine 'usesCustomLoop'}}
  int Value = app::block_on(mini::fetch(1)); // expected-warning {{call to event loop entry point 'app::block_on'}}
  (void)Value;
  co_return;
}

void oneHelper(app::Loop &L) { L.run_forever(); } // expected-note {{'oneHelper' calls 'app::Loop::run_forever', an event loop entry point}}
void twoHelpers(app::Loop &L) { oneHelper(L); }

mini::Task<void> depthLimit(app::Loop &L) {
  oneHelper(L); // expected-warning {{call to 'oneHelper' in coroutine 'depthLimit' can reach event loop entry point 'app::Loop::run_forever'}}
  twoHelpers(L); // beyond MaxCallDepth: not reported
  co_return;
}

corio::Task<int> compute() { co_return 1; }
mini::Task<void> notConfigured() {
  corio::run(compute());
  co_return;
}
