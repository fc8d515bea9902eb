//===--- MissingCoAwaitCheck.h ---------------------------------*- C++ -*-===//

#ifndef CORO_TIDY_CHECKS_MISSINGCOAWAITCHECK_H
#define CORO_TIDY_CHECKS_MISSINGCOAWAITCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ReportOnce.h"
#include "utils/NameListOption.h"
#include "utils/Coroutines.h"
#include "utils/Runtimes.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>

namespace clang::tidy::coro {

/// Flags an awaitable produced by a call and lost without being awaited: a
/// discarded expression statement, or a local initialised from the call and
/// never used.
///
/// See docs/checks/coro-missing-co-await.md.
class MissingCoAwaitCheck : public ClangTidyCheck {
public:
  MissingCoAwaitCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override {
    Classifier.reset();
    StmtExprBodies.clear();
    References.clear();
    Reported.clear();
  }

private:
  void checkDiscarded(const Expr *E, ASTContext &Ctx);
  void checkUnusedLocal(const VarDecl *Var, ASTContext &Ctx);
  void report(const Expr *Call, ASTContext &Ctx, bool Discarded,
              const VarDecl *Var);
  utils::CoroutineTypeClassifier &classifier(ASTContext &Ctx);
  /// An awaitable, a deferred operation, or a task converted into a handle
  /// that does not start it.
  bool isLostWork(const Expr *Call, ASTContext &Ctx);

  const bool AllowCastToVoid;
  const utils::NameListOption IgnoredFunctionsOption;
  utils::QualifiedNameSet IgnoredFunctions;
  /// Deferred asynchronous operations (asio::deferred): not awaitables by
  /// their type, but lost the same way.
  const utils::NameListOption DeferredOperationTypesOption;
  utils::QualifiedNameSet DeferredOperationTypes;
  /// Futures: awaitables whose operation runs whether or not they are
  /// awaited, so that the message says what a dropped one loses.
  const utils::NameListOption FutureTypesOption;
  utils::QualifiedNameSet FutureTypes;
  /// Functions that turn a lazy task into a handle that does not start it
  /// (`folly::coro::Task::semi`): dropping the handle drops the task.
  const utils::NameListOption UnstartedConversionsOption;
  utils::QualifiedNameSet UnstartedConversions;
  std::unique_ptr<utils::CoroutineTypeClassifier> Classifier;
  llvm::SmallPtrSet<const Stmt *, 8> StmtExprBodies;
  utils::ReferencedVariables References;
  utils::ReportOnce Reported;
};

} // namespace clang::tidy::coro

#endif
