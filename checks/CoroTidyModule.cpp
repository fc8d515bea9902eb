//===--- CoroTidyModule.cpp - the `coro` clang-tidy module ---------------===//
//
// Registers every coro-* check listed in CheckRegistry.def. The same object
// file is linked into the standalone coro-tidy and into the
// libCoroTidyModule.so plugin, so the two products always offer the same
// checks.
//
//===----------------------------------------------------------------------===//

// Every registered check's header, generated from CheckRegistry.def by
// checks/CheckRegistry.cmake.
#include "CoroCheckHeaders.inc"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::coro {

class CoroModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
#define CORO_CHECK(Name, Class, DocsPage, Summary)                             \
  Factories.registerCheck<Class>(Name);
#include "CheckRegistry.def"
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
