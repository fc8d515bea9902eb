//===--- ProjectGraph.h - call chains across the whole project ------------===//
//
// Merges the facts (ProjectFacts.h) of every unit into one call graph per
// check, keyed by USR, and finds the chains that no single unit could see:
// a coroutine's call to a helper whose body, or part of whose chain, is in
// another file. Distances come from the same propagation as in-file chains
// (SinkDistances.h), so a chain is found and chosen by the same rules
// wherever its steps are. Reported like an in-file chain: at the call in
// the coroutine, one note per step, each note where its step is.
//
// Virtual calls go to a dispatch node over the method and every override
// the project defines: with VirtualCalls=all (the default) it reaches a
// sink only if every one of them does, with `any` if one does.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_PROJECTGRAPH_H
#define CORO_TIDY_CHECKS_UTILS_PROJECTGRAPH_H

#include "ProjectFacts.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <deque>
#include <memory>

namespace clang::tidy::coro::utils {

/// How a check words a chain; names come as the facts recorded them.
struct ChainWording {
  /// The coroutine calls a function that is itself a sink.
  std::string (*Direct)(llvm::StringRef Sink, llvm::StringRef Coroutine);
  std::string (*Headline)(llvm::StringRef Helper, llvm::StringRef Coroutine,
                          llvm::StringRef Sink);
  std::string (*Step)(llvm::StringRef Caller, llvm::StringRef Callee);
  std::string (*Last)(llvm::StringRef Caller, llvm::StringRef Sink);
  /// A note at one override of a virtual method the chain calls.
  std::string (*Override)(llvm::StringRef Override, llvm::StringRef Method,
                          bool EveryOverride);
  /// Words every headline contains and no other finding of the check:
  /// how a report tells a chain from the check's other findings.
  llvm::StringRef HeadlineMark;
  /// Words every last-step note contains (Last and Override) and no other
  /// step: a chain whose last note is gone (a NOLINT on its line) is not
  /// one that ends there.
  llvm::StringRef LastMark;
};

/// The wording of \p Check, null for a check with no chains.
const ChainWording *chainWording(llvm::StringRef Check);

struct FindingNote {
  FactPlace Place;
  std::string Message;
};

struct ProjectFinding {
  std::string Check;
  FactPlace Place;
  std::string Message;
  std::vector<FindingNote> Notes;
};

class ProjectGraph {
public:
  ProjectGraph();
  ~ProjectGraph();
  ProjectGraph(ProjectGraph &&);
  ProjectGraph &operator=(ProjectGraph &&);

  /// Adds a unit's facts. A function defined in several units (inline
  /// functions, template instantiations in headers) is taken from the
  /// first unit added: add units in a fixed order.
  void add(UnitFacts Unit);

  /// The findings of \p Unit's coroutines (a unit added before) that only
  /// the project graph shows, in the order of the unit's facts.
  std::vector<ProjectFinding> findingsFor(const UnitFacts &Unit);

  /// Number of functions and call edges merged, over all checks.
  size_t functions() const;
  size_t calls() const;

private:
  struct Analysis;
  Analysis &analysis(llvm::StringRef Check);
  std::deque<UnitFacts> Units;
  llvm::StringMap<std::unique_ptr<Analysis>> Analyses;
};

} // namespace clang::tidy::coro::utils

#endif
