//===--- Output.h - from the units' results to the user's report ----------===//
//
// The last stage of a run: findings of every unit, in input order, are
// filtered to the changed lines (--diff), de-duplicated across units (a
// header finding seen by several units is printed once, by the first),
// chains that share their blocking step grouped (ChainGroups.h), then
// printed as text with clang-tidy's handleErrors (which also applies
// fixes), or written as SARIF or JSON, and exported for
// clang-apply-replacements. A write that fails is an error, never a lost
// report.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_OUTPUT_H
#define CORO_TIDY_DRIVER_OUTPUT_H

#include "GitDiff.h"
#include "Report.h"
#include "Scheduler.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace coro_tidy {

struct OutputRequest {
  std::string Format = "text"; ///< text, sarif, json, codeclimate, github
  std::string OutputPath;      ///< empty: standard output
  std::string ExportFixes;     ///< empty: none
  clang::tidy::FixBehaviour Fix = clang::tidy::FB_NoFix;
  bool FixErrors = false;             ///< fix units that do not compile too
  bool ReplayCompilerMessages = true; ///< print each unit's stderr
  const ChangedLines *Changed = nullptr; ///< --diff: report these lines only
  ReportOptions Report; ///< for the machine-readable formats
  std::string MainFile; ///< MainSourceFile of --export-fixes
  /// --group-chains-from: chains ending at one step that this many call
  /// sites share are reported once (0: never).
  unsigned GroupChainsFrom = 0;
};

struct OutputSummary {
  unsigned WarningsAsErrors = 0;
  bool CompileErrors = false;
};

/// Whether \p Format is one writeReport() knows.
bool isKnownFormat(llvm::StringRef Format);

/// Reports units as Request asks, one at a time and in input order: text
/// is printed as each unit arrives (a CI log shows findings while the run
/// goes on), except the chains that may be grouped, which wait for every
/// unit; the machine-readable formats and --export-fixes are written by
/// finish(). Errors (a report or fixes file that cannot be written) are
/// one line.
class Reporter {
public:
  Reporter(const OutputRequest &Request, const ProviderFactory &MakeProvider);
  ~Reporter();
  void add(UnitOutcome &Unit);
  llvm::Expected<OutputSummary> finish();

private:
  struct State;
  std::unique_ptr<State> S;
};

/// Points standard output at \p Path (text reports are printed by
/// clang-tidy's handleErrors to stdout).
llvm::Error redirectStdout(llvm::StringRef Path);

} // namespace coro_tidy

#endif
