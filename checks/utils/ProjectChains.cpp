//===--- ProjectChains.cpp ------------------------------------------------===//

#include "ProjectChains.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro::utils {

ProjectChains::ProjectChains(llvm::StringRef Check, ClangTidyContext *Context,
                             ClangTidyCheck::OptionsView &Options,
                             FactsRecorder::Naming Names)
    : Check(Check.str()), Context(Context), IndexPath(Options.get("ProjectIndex", "")),
      VirtualCalls(Options.get("VirtualCalls", "all")),
      Recorder(std::move(Names)) {
  if (VirtualCalls == "any")
    AnyOverride = true;
  else if (VirtualCalls != "all")
    InvalidOption = "invalid VirtualCalls '" + VirtualCalls +
                    "': expected 'all' or 'any'";
  Recording = FactsSink::active() || !IndexPath.empty();
}

void ProjectChains::storeOptions(ClangTidyCheck::OptionsView &Options,
                                 ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "ProjectIndex", IndexPath);
  Options.store(Opts, "VirtualCalls", VirtualCalls);
}

void ProjectChains::registerMatchers(MatchFinder *Finder,
                                     MatchFinder::MatchCallback *Check) {
  if (!Recording)
    return;
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("projectDefinition"),
      Check);
}

bool ProjectChains::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("projectDefinition");
  if (!FD)
    return false;
  SM = Result.SourceManager;
  Recorder.addDefinition(FD);
  return true;
}

void ProjectChains::finish(CallChainFinder &Finder, unsigned MaxDepth) {
  if (!Recording)
    return;
  AnalysisFacts Facts = Recorder.finish(Finder, Check, MaxDepth, AnyOverride);
  if (FactsSink *Sink = FactsSink::active()) {
    Sink->add(std::move(Facts));
    return;
  }
  if (!SM)
    return;
  UnitFacts Unit;
  if (OptionalFileEntryRef Main = SM->getFileEntryRefForID(SM->getMainFileID())) {
    llvm::SmallString<256> Path(Main->getName());
    llvm::sys::fs::make_absolute(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Unit.MainFile = std::string(Path);
  }
  Unit.Analyses.push_back(std::move(Facts));
  std::string Warning;
  const std::vector<UnitFacts> *Index = loadIndex(IndexPath, Warning);
  if (!Index) {
    Context->configurationDiag("%0") << Warning;
    return;
  }
  // This unit's own facts are fresher than the index's: they go first, and
  // the index's entry for the unit is left out.
  ProjectGraph Graph;
  Graph.add(Unit);
  for (const UnitFacts &Other : *Index)
    if (Other.MainFile != Unit.MainFile)
      Graph.add(Other);
  for (const ProjectFinding &Finding : Graph.findingsFor(Unit))
    emitProjectFinding(Finding, *SM,
                       [&](SourceLocation Loc, llvm::StringRef Message,
                           DiagnosticIDs::Level Level) {
                         Context->diag(Check, Loc, "%0", Level) << Message;
                       });
  SM = nullptr;
}

} // namespace clang::tidy::coro::utils
