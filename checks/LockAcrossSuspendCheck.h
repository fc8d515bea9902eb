//===--- LockAcrossSuspendCheck.h ------------------------------*- C++ -*-===//

#ifndef CORO_TIDY_CHECKS_LOCKACROSSSUSPENDCHECK_H
#define CORO_TIDY_CHECKS_LOCKACROSSSUSPENDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ReportOnce.h"
#include "utils/NameListOption.h"
#include "utils/Coroutines.h"
#include "utils/LockFlow.h"
#include "utils/Runtimes.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::coro {

/// Flags a lock object (std::lock_guard, std::unique_lock, ..., or a class
/// with the `scoped_lockable` attribute) that may hold its mutex at a
/// suspension point of its coroutine. Flow-sensitive over clang's CFG:
/// unlock(), release(), moving the lock away and the end of its scope release
/// it; lock() re-acquires it. A mutex locked by its own `m.lock()` is
/// tracked the same way until `m.unlock()`. Locks of async mutexes (acquired
/// by co_await) are not reported, nor awaits that hand the lock or its mutex
/// to the awaited call (`co_await cv.wait(lk)`).
///
/// See docs/checks/coro-lock-across-suspend.md.
class LockAcrossSuspendCheck : public ClangTidyCheck {
public:
  LockAcrossSuspendCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override {
    Reported.clear();
    Checked.clear();
    Classifier.reset();
  }

private:
  const utils::NameListOption LockTypesOption;
  const utils::NameListOption MutexTypesOption;
  utils::ReportOnce Reported;
  const std::string AllowedAwaitablesOption;
  const unsigned FlowVisitsPerBlock;
  utils::LockFlowOptions FlowOptions;
  llvm::DenseSet<const FunctionDecl *> Checked;
  /// Classifies mutex members' return types (async mutexes); one per AST.
  std::unique_ptr<utils::CoroutineTypeClassifier> Classifier;
};

} // namespace clang::tidy::coro

#endif
