//===--- ProjectIndex.h - the project's facts on disk ---------------------===//
//
// Two files carry units' facts between runs and machines
// (docs/project-analysis.md):
// - the project index, <cache dir>/project-index.json: the facts of every
//   unit of the compilation database as of the last run that checked it,
//   so a run over some files still sees the helpers of the others;
// - a facts bundle (--facts-out): one shard's units with their results and
//   their positions in the whole run, which `coro-tidy merge` turns into
//   the report a single run would have printed.
// Both are versioned JSON, written through a temporary file and a rename.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_PROJECTINDEX_H
#define CORO_TIDY_DRIVER_PROJECTINDEX_H

#include "Findings.h"
#include "utils/ProjectFacts.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace coro_tidy {

using clang::tidy::coro::utils::UnitFacts;

/// The project index of the cache in \p CacheDir.
std::string projectIndexPath(llvm::StringRef CacheDir);

/// The project index a run over \p File would use: the one of the cache
/// beside the compilation database above it (`<dir>/.coro-tidy-cache`,
/// or `<dir>/build/.coro-tidy-cache`, as `coro-tidy -p <dir>` writes it),
/// or of \p BuildPath when given. Empty if there is none.
std::string findProjectIndex(llvm::StringRef BuildPath, llvm::StringRef File);

/// The index at \p Path; none yet is an empty index. One that cannot be
/// used (corrupt, another version, not an index) is an empty index, and
/// \p Warning says why in one line.
std::vector<UnitFacts> readProjectIndex(llvm::StringRef Path,
                                        std::string &Warning);
llvm::Error writeProjectIndex(llvm::StringRef Path,
                              const std::vector<UnitFacts> &Units);

/// One unit of a facts bundle.
struct BundledUnit {
  unsigned Position = 0; ///< In the whole run's list of units.
  std::string File;
  UnitResult Result;
};

llvm::Error writeFactsBundle(llvm::StringRef Path,
                             const std::vector<BundledUnit> &Units);
llvm::Expected<std::vector<BundledUnit>> readFactsBundle(llvm::StringRef Path);

/// Writes \p Text to \p Path through a temporary file and a rename.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text);

} // namespace coro_tidy

#endif
