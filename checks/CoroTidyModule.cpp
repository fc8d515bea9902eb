//===--- CoroTidyModule.cpp - the `coro` clang-tidy module ---------------===//
//
// Registers every coro-* check. The same object file is linked into the
// standalone coro-tidy and into the libCoroTidyModule.so plugin, so the two
// products always offer the same checks.
//
//===----------------------------------------------------------------------===//

#include "BlockingCallCheck.h"
#include "DanglingTaskCheck.h"
#include "LockAcrossSuspendCheck.h"
#include "MissingCoAwaitCheck.h"
#include "NestedLoopRunCheck.h"
#include "UnhandledGatherCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::coro {

class CoroModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<MissingCoAwaitCheck>("coro-missing-co-await");
    Factories.registerCheck<UnhandledGatherCheck>("coro-unhandled-gather");
    Factories.registerCheck<DanglingTaskCheck>("coro-dangling-task");
    Factories.registerCheck<BlockingCallCheck>("coro-blocking-call");
    Factories.registerCheck<LockAcrossSuspendCheck>(
        "coro-lock-across-suspend");
    Factories.registerCheck<NestedLoopRunCheck>("coro-nested-loop-run");
  }
};

// Register the module with clang-tidy's registry, both in coro-tidy and in a
// host clang-tidy that loads the plugin.
static ClangTidyModuleRegistry::Add<CoroModule>
    X("coro-module", "Checks for misuse of C++20 coroutines.");

// The standalone driver references this anchor so the linker keeps the
// registration above.
volatile int CoroModuleAnchorSource = 0;

} // namespace clang::tidy::coro
