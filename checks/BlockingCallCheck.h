//===--- BlockingCallCheck.h -----------------------------------*- C++ -*-===//

#ifndef CORO_TIDY_CHECKS_BLOCKINGCALLCHECK_H
#define CORO_TIDY_CHECKS_BLOCKINGCALLCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ReportOnce.h"
#include "utils/RuntimeCalls.h"
#include "utils/ExecutorFlow.h"
#include "utils/NameListOption.h"
#include "utils/NonBlockingDescriptors.h"
#include "utils/BodyParents.h"
#include "utils/CallChains.h"
#include "utils/ProjectChains.h"
#include "utils/Runtimes.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>

namespace clang::tidy::coro {

/// Flags a call, in the body of a coroutine, to a function that blocks the
/// thread (sleeps, waits on threads, file, console, network and process I/O,
/// blocking client libraries), directly or through plain helper functions
/// defined in the translation unit (one note per step of the chain).
///
/// See docs/checks/coro-blocking-call.md.
class BlockingCallCheck : public ClangTidyCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override;

  /// How chains are worded, in-file and across files.
  static const utils::ChainWording &chainWording();

private:
  utils::CallVerdict classify(const Expr *Call, const FunctionDecl *Callee);
  bool isBlockingCall(const Expr *Call, const FunctionDecl *Callee) const;
  /// A POSIX wait whose arguments make it return at once (a zero timeout,
  /// WNOHANG).
  bool returnsAtOnce(const CallExpr *Call, const FunctionDecl *Callee) const;
  bool matchesThroughObject(const Expr *Call,
                            const FunctionDecl *Callee) const;
  void checkCoroutine(const FunctionDecl *Coroutine, ASTContext &Ctx);
  utils::CallChainFinder &finder();
  void report(const utils::CallChain &Chain, const FunctionDecl *Coroutine,
              ASTContext &Ctx);
  std::optional<FixItHint> sleepFix(const CallExpr *Call, ASTContext &Ctx);
  bool sleepReplacementDeclared(ASTContext &Ctx);

  const utils::NameListOption BlockingFunctionsOption;
  const bool FlagFilesystem;
  /// Namespaces whose `x` blocks where an `async_x` is declared beside it.
  const utils::NameListOption AsyncTwinScopesOption;
  const utils::NameListOption BlockingExecutorsOption;
  utils::ExecutorVocabulary Executors;
  /// Where each coroutine of the current translation unit runs.
  utils::ExecutorFacts ExecutorFacts{Executors};
  std::vector<std::string> AsyncTwinScopes;
  utils::ReportOnce Reported;
  const std::string AllowedFunctionsOption;
  const unsigned MaxCallDepth;
  const std::string SleepReplacement;

  utils::FunctionNameSet Blocking;
  utils::FunctionNameSet Allowed;
  utils::NonBlockingDescriptors Descriptors;
  /// Blocking calls that only poll when an argument is a zero timeout.
  std::vector<std::pair<utils::FunctionNameSet, unsigned>> PollingArguments;
  /// The `struct timeval *` / `struct timespec *` arguments seen to point
  /// to zeros (select, pselect, ppoll); memoised per variable.
  mutable utils::ZeroTimeoutPointees ZeroPointees;
  /// Functions that run their argument elsewhere (executors, spawners,
  /// event loop entry points): never looked into.
  utils::QualifiedNameSet Elsewhere;

  std::unique_ptr<utils::CallChainFinder> Finder;
  utils::ProjectChains Project;
  std::optional<bool> ReplacementDeclared;
  llvm::DenseSet<const FunctionDecl *> Checked;
  const FunctionDecl *CurrentCoroutine = nullptr;
  /// CurrentCoroutine's parent map, built for its first sleep fix-it and
  /// kept for the next ones (one walk per coroutine, not per call).
  std::optional<utils::BodyParents> CurrentParents;
};

} // namespace clang::tidy::coro

#endif
