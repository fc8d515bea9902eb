//===--- UnhandledGatherCheck.h --------------------------------*- C++ -*-===//

#ifndef CORO_TIDY_CHECKS_UNHANDLEDGATHERCHECK_H
#define CORO_TIDY_CHECKS_UNHANDLEDGATHERCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ReportOnce.h"
#include "utils/NameListOption.h"
#include "utils/SettledResults.h"
#include "llvm/ADT/DenseSet.h"
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::coro {

/// Flags failures of concurrently awaited tasks that vanish:
///  (a) a fail-fast combinator (`corio::gather(a(), b())`, asio `a && b`,
///      `cppcoro::when_all`, ...) awaited outside a try block that catches
///      what it rethrows (option RequireHandler), unless its children
///      produce no value (the awaited type is void or all std::monostate);
///  (b) a settled result (`gather(corio::return_exceptions, ...)`,
///      `collectAllTry`, `when_all_ready`, ...) whose throwing accessor runs
///      on a path where the result was not checked first;
///  (c) settled results discarded as a whole.
///
/// See docs/checks/coro-unhandled-gather.md.
class UnhandledGatherCheck : public ClangTidyCheck {
public:
  UnhandledGatherCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override {
    Reported.clear();
    Seen.clear();
  }

private:
  void checkAwait(const CoawaitExpr *Await, const CallExpr *Call,
                  utils::CombinatorKind Kind, const FunctionDecl *Coroutine,
                  const utils::BodyParents &Parents, ASTContext &Ctx);
  void checkCoroutine(const FunctionDecl *F, ASTContext &Ctx);
  std::string settledAlternative(const CallExpr *Call) const;
  bool firstReport(SourceLocation Loc, unsigned Kind);

  const bool RequireHandler;
  const unsigned FlowVisitsPerBlock;
  /// The runtimes' "no value" placeholders (RuntimePreset::NoValueTypes).
  std::vector<std::string> NoValueTypes;
  const utils::NameListOption FailFastOption;
  const utils::NameListOption SettledOption;
  const utils::NameListOption SettledTagsOption;
  const utils::NameListOption CheckMethodsOption;
  const utils::NameListOption FailureMethodsOption;
  const utils::NameListOption AccessorsOption;
  utils::CombinatorVocabulary Vocab;
  /// Per preset: its fail-fast names and the settled form to suggest.
  std::vector<std::pair<utils::QualifiedNameSet, std::string>> Alternatives;
  /// Instantiations of one template report once.
  utils::ReportOnce Reported;
  /// Coroutines already checked (a lambda is matched twice).
  llvm::DenseSet<const FunctionDecl *> Seen;
};

} // namespace clang::tidy::coro

#endif
