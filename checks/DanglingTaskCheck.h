//===--- DanglingTaskCheck.h -----------------------------------*- C++ -*-===//

#ifndef CORO_TIDY_CHECKS_DANGLINGTASKCHECK_H
#define CORO_TIDY_CHECKS_DANGLINGTASKCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ReportOnce.h"
#include "utils/NameListOption.h"
#include "utils/BodyParents.h"
#include "utils/Coroutines.h"
#include "utils/Runtimes.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace clang::tidy::coro {

/// Flags handles of started tasks that are lost, and with them the task's
/// failure: a spawn call (`corio::create_task`, libcoro `spawn_joinable`,
/// folly `start()`, `co_spawn(..., use_future)`) or a running handle
/// (`boost::cobalt::promise`) discarded, assigned to `std::ignore`, or kept
/// in a local that is never awaited, cancelled, stored, moved or returned;
/// optionally `co_spawn(ex, task, detached)` of a task that can throw.
///
/// See docs/checks/coro-dangling-task.md.
class DanglingTaskCheck : public ClangTidyCheck {
public:
  DanglingTaskCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override {
    Classifier.reset();
    Reported.clear();
    Seen.clear();
  }

private:
  /// The parent map of one function's body, built on first use.
  struct FunctionParents {
    const FunctionDecl *Function;
    std::optional<utils::BodyParents> Map;
    const utils::BodyParents &get();
  };
  void checkCall(const CallExpr *Call, FunctionParents &Parents,
                 ASTContext &Ctx);
  void checkDetached(const CallExpr *Call, ASTContext &Ctx);
  void checkLocal(const VarDecl *Var, const CallExpr *Call, bool IsSpawn,
                  FunctionParents &Parents, ASTContext &Ctx);
  bool deferToMissingCoAwait(const CallExpr *Call, bool IsSpawn,
                             ASTContext &Ctx);
  std::string producer(const CallExpr *Call) const;
  /// How messages name the value \p Call returns, and what its loss costs
  /// beyond the handle (empty for a started task).
  std::pair<std::string, std::string> subject(const CallExpr *Call,
                                              bool IsSpawn) const;
  bool firstReport(SourceLocation Loc);

  const bool FlagAsioDetached;
  /// Whether `(void)` is a deliberate discard of an awaitable; read locally
  /// or from the global `AllowCastToVoid` that coro-missing-co-await shares.
  const bool AllowCastToVoid;
  const utils::NameListOption SpawnFunctionsOption;
  const utils::NameListOption HandleTypesOption;
  const utils::NameListOption DetachedTokenTypesOption;
  utils::QualifiedNameSet SpawnFunctions;
  utils::QualifiedNameSet HandleTypes;
  utils::QualifiedNameSet DetachedTokenTypes;
  /// Results of Asio's initiating functions that start nothing until they
  /// are awaited (asio::awaitable, deferred operations).
  utils::QualifiedNameSet UnstartedOperationTypes;
  ClangTidyContext *Context;
  std::unique_ptr<utils::CoroutineTypeClassifier> Classifier;
  utils::ReportOnce Reported;
  /// Functions already walked (a lambda is matched twice).
  llvm::DenseSet<const FunctionDecl *> Seen;
};

} // namespace clang::tidy::coro

#endif
