//===--- NestedLoopRunCheck.h ----------------------------------*- C++ -*-===//

#ifndef CORO_TIDY_CHECKS_NESTEDLOOPRUNCHECK_H
#define CORO_TIDY_CHECKS_NESTEDLOOPRUNCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ReportOnce.h"
#include "utils/NameListOption.h"
#include "utils/CallChains.h"
#include "utils/ProjectChains.h"
#include "utils/Runtimes.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::coro {

/// Flags a call to an event loop's blocking entry point (corio::run,
/// cppcoro::sync_wait, folly::coro::blockingWait, io_context::run, ...) made
/// inside a coroutine, directly or through plain helper functions of the
/// translation unit (one note per step), and `.get()`/`.wait()` on a
/// std::future that the same coroutine obtained from
/// `asio::co_spawn(..., asio::use_future)`.
///
/// See docs/checks/coro-nested-loop-run.md.
class NestedLoopRunCheck : public ClangTidyCheck {
public:
  NestedLoopRunCheck(StringRef Name, ClangTidyContext *Context);
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
  void reportEntryPoint(const utils::CallChain &Chain,
                        const FunctionDecl *Coroutine);
  void checkSpawnedFutures(const FunctionDecl *Coroutine, ASTContext &Ctx);
  utils::CallChainFinder &finder();

  const utils::NameListOption EntryPointsOption;
  utils::ReportOnce Reported;
  const unsigned MaxCallDepth;
  utils::QualifiedNameSet EntryPoints;
  /// Functions that run their argument elsewhere (spawners, executors):
  /// never looked into.
  utils::QualifiedNameSet Elsewhere;
  utils::QualifiedNameSet SpawnFunctions;
  std::unique_ptr<utils::CallChainFinder> Finder;
  utils::ProjectChains Project;
  llvm::DenseSet<const FunctionDecl *> Checked;
};

} // namespace clang::tidy::coro

#endif
