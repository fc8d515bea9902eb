//===--- UnitRunner.h - check one translation unit, in isolation ----------===//

#ifndef CORO_TIDY_DRIVER_UNITRUNNER_H
#define CORO_TIDY_DRIVER_UNITRUNNER_H

#include "Findings.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <memory>
#include <string>

namespace coro_tidy {

/// Makes a fresh options provider (each unit gets its own ClangTidyContext).
using ProviderFactory =
    std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>()>;

/// How each unit is checked (the same for every unit of a run).
struct UnitOptions {
  bool KeepFixes = false;          ///< keep fixes from notes too
  bool Profile = false;            ///< --enable-check-profile
  std::string ProfilePrefix;       ///< --store-check-profile
  std::string VfsOverlay;          ///< --vfsoverlay, a YAML file
  bool ModuleHeadersParsing = false; ///< --enable-module-headers-parsing
  /// Record the chain checks' facts for the project-wide analysis.
  bool ProjectFacts = false;
};

/// Checks \p File in this process, as clang-tidy's runClangTidy does, and
/// also records every file the unit read.
UnitResult checkUnit(const ProviderFactory &MakeProvider,
                     const clang::tooling::CompilationDatabase &Compilations,
                     const std::string &File, const UnitOptions &Options);

/// The file system \p Path (a --vfsoverlay YAML file) describes over
/// \p Base; null if it cannot be read or parsed.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
loadVfsOverlay(llvm::StringRef Path,
               llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base);

/// A unit checked in a child process.
struct IsolatedRun {
  int Pid = -1;
  std::string File;
  /// Unlinked temporary files, so that nothing is left behind even when
  /// the run is killed: the child writes its JSON result and its stderr
  /// (compiler messages) to them, the parent reads them back.
  int ResultFD = -1;
  int StderrFD = -1;
};

/// Starts checking \p File in a forked child. The parent must not be
/// multi-threaded (it never is: parallelism is by processes).
IsolatedRun startIsolated(const ProviderFactory &MakeProvider,
                          const clang::tooling::CompilationDatabase &Compilations,
                          const std::string &File, const UnitOptions &Options);

/// The outcome of a finished child: its result, or an internal-error
/// message (the child crashed or wrote nothing readable).
struct IsolatedOutcome {
  std::optional<UnitResult> Result;
  std::string InternalError;
  std::string Stderr;
};

/// Waits for any running child; returns the index in \p Running of the one
/// that finished, and its outcome.
std::pair<size_t, IsolatedOutcome> waitAny(std::vector<IsolatedRun> &Running);

} // namespace coro_tidy

#endif
