//===--- ProjectFacts.h - what one unit tells the project-wide analysis ---===//
//
// While a unit is checked, coro-blocking-call and coro-nested-loop-run each
// record the call graph they see: every function defined in the unit
// outside system headers, keyed by clang's USR (the same in every unit), its
// first sink call, and the calls it makes that the check would follow, with
// the check's own verdicts (annotations, AllowedFunctions, executors, cold
// paths) already applied. A coroutine lists only the calls its in-file
// check could not settle. ProjectGraph merges the facts of every unit.
//
// The facts of a unit travel with its results (child process, cache,
// --facts-out bundles) as JSON; docs/project-analysis.md describes the
// format. FactsVersion changes whenever the format or its meaning does:
// facts of another version are ignored.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_PROJECTFACTS_H
#define CORO_TIDY_CHECKS_UTILS_PROJECTFACTS_H

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::coro::utils {

constexpr unsigned FactsVersion = 1;

/// The checks that record facts and report chains across files: each has
/// a ProjectIndex option and a wording (chainWording, ChainWordings.cpp).
inline constexpr const char *ChainChecks[] = {"coro-blocking-call",
                                              "coro-nested-loop-run"};

/// A place in a source file: absolute path, 0-based offset, 1-based line
/// and column (bytes), as reports print them.
struct FactPlace {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// A call that the check would follow into the callee's body.
struct CallFact {
  std::string Callee; ///< USR of the called function.
  std::string Name;   ///< How messages name the callee.
  FactPlace Place;
  /// A virtual call: any override known in the project may run.
  bool Virtual = false;
  /// The called method is pure virtual: it has no body of its own.
  bool Pure = false;
};

/// The first call in a function's body that is itself a sink.
struct SinkFact {
  FactPlace Place;
  std::string Name; ///< As the object of "calls ...".
};

struct FunctionFacts {
  std::string Usr;
  std::string Name; ///< How messages name it.
  FactPlace Place;
  /// A coroutine is never followed (calling it makes a task); its Calls
  /// are the ones its unit's check left for the project graph.
  bool Coroutine = false;
  std::string CoroutineName; ///< "coroutine 'f'", "coroutine lambda".
  /// An annotation on the definition: `Sink` (coro::blocking: a call to it
  /// is a sink), `Opaque` (coro::nonblocking: never followed), or none.
  enum class Mark { None, Sink, Opaque } Marked = Mark::None;
  std::optional<SinkFact> Sink;
  std::vector<CallFact> Calls;
  /// USRs of the methods this one directly overrides.
  std::vector<std::string> Overrides;
};

/// What one check saw in one unit.
struct AnalysisFacts {
  std::string Check;
  unsigned MaxDepth = 8;   ///< The check's MaxCallDepth (0: no limit).
  bool AnyOverride = false; ///< VirtualCalls=any.
  std::vector<FunctionFacts> Functions;
};

struct UnitFacts {
  std::string MainFile;
  std::vector<AnalysisFacts> Analyses;
};

llvm::json::Value toJSON(const UnitFacts &Facts);
/// An error says what is wrong (another version, a malformed entry).
llvm::Expected<UnitFacts> unitFactsFromJSON(const llvm::json::Value &V);

/// A project index: the facts of every unit of the last run over the
/// compilation database, in the database's order.
llvm::json::Value indexToJSON(const std::vector<UnitFacts> &Units);
llvm::Expected<std::vector<UnitFacts>>
indexFromJSON(const llvm::json::Value &V);

/// Collects the facts the checks of the unit being checked record; the
/// standalone driver turns it on in each unit's process, the plugin never
/// does (it reads a project index instead: see ProjectIndex options).
class FactsSink {
public:
  /// The active sink, or null when no one collects facts.
  static FactsSink *active();
  static void activate(FactsSink *Sink);
  void add(AnalysisFacts Facts) { Analyses.push_back(std::move(Facts)); }
  std::vector<AnalysisFacts> take() { return std::move(Analyses); }

private:
  std::vector<AnalysisFacts> Analyses;
};

} // namespace clang::tidy::coro::utils

#endif
