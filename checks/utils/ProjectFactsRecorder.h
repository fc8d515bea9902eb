//===--- ProjectFactsRecorder.h - a check's call graph, as facts ----------===//
//
// Used by the checks that follow call chains (coro-blocking-call,
// coro-nested-loop-run) when a project-wide analysis is wanted: the
// standalone driver collects facts (FactsSink), or the plugin was given a
// project index (ProjectIndex option). The check hands over every function
// definition outside system headers and every coroutine call its in-file
// chains left open; the recorder classifies each body's calls with the
// check's own CallChainFinder, so the project graph applies exactly the
// check's rules.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_PROJECTFACTSRECORDER_H
#define CORO_TIDY_CHECKS_UTILS_PROJECTFACTSRECORDER_H

#include "CallChains.h"
#include "ProjectFacts.h"
#include "ProjectGraph.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include <functional>

namespace clang::tidy::coro::utils {

class FactsRecorder {
public:
  struct Naming {
    /// How messages name a helper and a sink.
    std::function<std::string(const FunctionDecl *)> Function;
    std::function<std::string(const CallStep &)> Sink;
    /// How messages name a coroutine ("coroutine 'f'").
    std::function<std::string(const FunctionDecl *)> Coroutine;
    /// An annotation on a definition (coro::blocking, coro::nonblocking).
    std::function<FunctionFacts::Mark(const FunctionDecl *)> Mark;
  };

  explicit FactsRecorder(Naming Names) : Names(std::move(Names)) {}

  /// A function definition of the unit (system headers are skipped).
  void addDefinition(const FunctionDecl *FD);
  /// A call in \p Coroutine that in-file chains did not settle.
  void leftOpen(const FunctionDecl *Coroutine, const CallStep &Step);

  /// The facts, with calls classified by \p Finder; clears the recorder.
  AnalysisFacts finish(CallChainFinder &Finder, llvm::StringRef Check,
                       unsigned MaxDepth, bool AnyOverride);

private:
  const std::string &usr(const FunctionDecl *FD);
  FactPlace place(SourceLocation Loc, const SourceManager &SM);
  bool record(const CallStep &Step, const CallChainFinder &Finder,
              CallFact &Out);

  Naming Names;
  llvm::MapVector<const FunctionDecl *, std::vector<CallStep>> Definitions;
  llvm::DenseMap<const FunctionDecl *, std::string> Usrs;
  llvm::DenseMap<unsigned, std::string> Files; ///< FileID -> absolute path.
};

/// The units of a project index file (see readIndex), memoised per path
/// and modification time for the life of the process. Null, with a
/// one-line warning in \p Warning, if it cannot be used.
const std::vector<UnitFacts> *loadIndex(llvm::StringRef IndexPath,
                                        std::string &Warning);

/// Emits \p Finding through \p Emit, turning places into locations of
/// \p SM (files of other units are loaded into it). Places in files that
/// cannot be read are skipped; the finding itself needs its own file.
void emitProjectFinding(
    const ProjectFinding &Finding, SourceManager &SM,
    llvm::function_ref<void(SourceLocation, llvm::StringRef,
                            DiagnosticIDs::Level)>
        Emit);

} // namespace clang::tidy::coro::utils

#endif
