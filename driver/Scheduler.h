//===--- Scheduler.h - check many translation units: cache, -j, order -----===//

#ifndef CORO_TIDY_DRIVER_SCHEDULER_H
#define CORO_TIDY_DRIVER_SCHEDULER_H

#include "GitDiff.h"
#include "ResultCache.h"
#include "UnitRunner.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// How progress is shown on stderr: not at all (--quiet), one line
/// rewritten in place (a terminal), or one `[i/N] file` line per unit (CI
/// logs).
enum class ProgressStyle { None, Terminal, Lines };

struct RunSettings {
  unsigned Jobs = 1;
  UnitOptions Unit;
  ProgressStyle Progress = ProgressStyle::None;
  bool ReplayCompilerMessages = true;
  std::string Argv0;
};

struct UnitOutcome {
  std::string File;
  std::optional<UnitResult> Result; ///< Empty if the unit crashed.
  std::string CompilerMessages;     ///< The unit's stderr, replayed in order.
  bool FromCache = false;
};

struct UnitOutcome;
/// Called with each unit's outcome as soon as it and every unit before it
/// in input order are done: output streams while the run goes on, and is
/// the same for every -j.
using UnitCallback = std::function<void(UnitOutcome &)>;

struct RunOutcome {
  std::vector<UnitOutcome> Units; ///< In the order of the input files.
  std::vector<std::string> InternalErrors;
};

/// Checks \p Files, up to Settings.Jobs at a time, each in its own process
/// (a crash loses one unit, not the run), reusing \p Cache entries when
/// nothing that affects a unit changed. Results come back in input order
/// whatever the parallelism, so output is identical for every -j.
RunOutcome checkUnits(const std::vector<std::string> &Files,
                      const ProviderFactory &MakeProvider,
                      const clang::tooling::CompilationDatabase &Compilations,
                      ResultCache *Cache, const RunSettings &Settings,
                      const UnitCallback &OnUnit = nullptr);

/// The units among \p Candidates that a change touches: changed units, and
/// units that include a changed header (known from the cache's include
/// lists, or else from their #include lines). Changed C/C++ sources that are
/// not candidates are added when \p AddChangedSources (no files were given).
std::vector<std::string>
unitsTouchedBy(const ChangedLines &Changed,
               const std::vector<std::string> &Candidates, ResultCache *Cache,
               const ProviderFactory &MakeProvider,
               const clang::tooling::CompilationDatabase &Compilations,
               const RunSettings &Settings, bool AddChangedSources);

} // namespace coro_tidy

#endif
