//===--- ProjectAnalysis.h - the findings only the whole project shows ----===//
//
// The stage after the units: their facts, and the project index's facts of
// every unit not checked in this run, make one ProjectGraph; the chains it
// finds from each unit's coroutines are emitted through a clang-tidy
// context of that unit, so NOLINT, the header filter, --line-filter and
// WarningsAsErrors apply to them exactly as to the unit's own findings.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_PROJECTANALYSIS_H
#define CORO_TIDY_DRIVER_PROJECTANALYSIS_H

#include "ProjectIndex.h"
#include "UnitRunner.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <vector>

namespace coro_tidy {

/// The cross-file findings of \p Units (this run's units, in order), with
/// \p Others (facts of the project's other units) in the graph too.
std::vector<clang::tidy::ClangTidyError>
crossFileFindings(const std::vector<UnitFacts> &Units,
                  const std::vector<UnitFacts> &Others,
                  const ProviderFactory &MakeProvider, bool KeepFixes);

/// The project index after this run: \p Units replace their old entries,
/// entries of files no longer in \p DatabaseFiles are dropped, in the
/// database's order.
std::vector<UnitFacts> updatedIndex(std::vector<UnitFacts> Old,
                                    const std::vector<UnitFacts> &Units,
                                    const std::vector<std::string> &DatabaseFiles);

} // namespace coro_tidy

#endif
