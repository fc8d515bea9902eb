//===--- Findings.h - one translation unit's results, serialisable --------===//
//
// A translation unit is checked in a child process (crash isolation) and its
// results may come from the cache, so they travel as JSON. Written with
// llvm::json, the same library used for the SARIF and JSON output formats.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_FINDINGS_H
#define CORO_TIDY_DRIVER_FINDINGS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "utils/ProjectFacts.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace coro_tidy {

struct UnitResult {
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// Every file the unit read (main file first), for the cache and --diff.
  std::vector<std::string> Includes;
  /// Every path the unit looked for and did not find (header search
  /// probes, __has_include, missing search folders), absolute and sorted.
  /// If one of them appears later, the unit may read it instead: the cache
  /// must not vouch for the old result.
  std::vector<std::string> Absent;
  /// What the unit printed while compiling ("N warnings generated."),
  /// replayed when it is served from the cache.
  std::string CompilerMessages;
  /// What the chain checks saw of the unit's call graph, for the
  /// project-wide analysis (checks/utils/ProjectFacts.h).
  std::vector<clang::tidy::coro::utils::AnalysisFacts> Facts;
};

llvm::json::Value toJSON(const clang::tidy::ClangTidyError &Error);
llvm::json::Value toJSON(const UnitResult &Result);
/// Null on malformed input (a corrupt cache entry, a truncated pipe).
std::optional<UnitResult> unitResultFromJSON(const llvm::json::Value &V);

/// 1-based line and column of \p Offset in \p File (0, 0 if unreadable).
std::pair<unsigned, unsigned> lineAndColumn(llvm::StringRef File,
                                            unsigned Offset);

} // namespace coro_tidy

#endif
