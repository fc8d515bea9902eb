//===--- GitDiff.h - changed lines for --diff (the pre-commit mode) -------===//

#ifndef CORO_TIDY_DRIVER_GITDIFF_H
#define CORO_TIDY_DRIVER_GITDIFF_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coro_tidy {

/// Inclusive 1-based line ranges added or changed, per absolute file path.
struct ChangedLines {
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Files;
  bool contains(llvm::StringRef File, unsigned Line) const;
};

/// Parses `git diff -U0` output; paths are joined to \p RepoRoot.
ChangedLines parseUnifiedDiff(llvm::StringRef Diff, llvm::StringRef RepoRoot);

/// Runs `git diff -U0 <Rev>` in the work tree containing the current
/// directory (Rev defaults to HEAD: staged and unstaged changes). Errors,
/// one line each: git missing, not a work tree, unknown revision.
llvm::Expected<ChangedLines> changedLinesSince(llvm::StringRef Rev);

/// The top level of the git work tree containing the current directory, if
/// any.
std::optional<std::string> gitTopLevel(llvm::StringRef Dir = "");

} // namespace coro_tidy

#endif
