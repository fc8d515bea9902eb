//===--- ProjectChains.h - a chain check's part in the project analysis ---===//
//
// What coro-blocking-call and coro-nested-loop-run share to take part in
// the project-wide analysis (docs/project-analysis.md):
// - options ProjectIndex (a project index file for the plugin: cross-file
//   chains are then reported by the check itself) and VirtualCalls (`all`
//   or `any` override of a virtual method must reach the sink);
// - recording the unit's facts when the driver collects them (FactsSink) or
//   a ProjectIndex is given: every function definition outside system
//   headers, and the coroutine calls in-file chains left open;
// - at the end of the unit, handing the facts to the driver, or reporting
//   the chains the index shows.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_PROJECTCHAINS_H
#define CORO_TIDY_CHECKS_UTILS_PROJECTCHAINS_H

#include "ProjectFactsRecorder.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <optional>

namespace clang::tidy::coro::utils {

class ProjectChains {
public:
  /// \p Check and \p Context are the check's own: findings from the
  /// index are reported under its name, through its context.
  ProjectChains(llvm::StringRef Check, ClangTidyContext *Context,
                ClangTidyCheck::OptionsView &Options,
                FactsRecorder::Naming Names);

  void storeOptions(ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const;
  /// Registers the matcher for function definitions when facts are
  /// recorded.
  void registerMatchers(ast_matchers::MatchFinder *Finder,
                        ast_matchers::MatchFinder::MatchCallback *Check);
  /// Takes a definition matched by registerMatchers; false for other
  /// matches.
  bool check(const ast_matchers::MatchFinder::MatchResult &Result);

  bool recording() const { return Recording; }
  bool anyOverride() const { return AnyOverride; }
  /// A coroutine call whose in-file chain found nothing.
  void leftOpen(const FunctionDecl *Coroutine, const CallStep &Step) {
    if (Recording)
      Recorder.leftOpen(Coroutine, Step);
  }

  /// Ends the unit: its facts go to the active FactsSink, or the chains a
  /// ProjectIndex shows are reported (an unusable index is a configuration
  /// warning).
  void finish(CallChainFinder &Finder, unsigned MaxDepth);

  std::string invalidOption() const { return InvalidOption; }

private:
  const std::string Check;
  ClangTidyContext *const Context;
  const std::string IndexPath;
  const std::string VirtualCalls;
  bool AnyOverride = false;
  std::string InvalidOption;
  bool Recording = false;
  FactsRecorder Recorder;
  SourceManager *SM = nullptr;
  std::string MainFile;
};

} // namespace clang::tidy::coro::utils

#endif
