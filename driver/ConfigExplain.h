//===--- ConfigExplain.h - --verify-config and --explain-config -----------===//

#ifndef CORO_TIDY_DRIVER_CONFIGEXPLAIN_H
#define CORO_TIDY_DRIVER_CONFIGEXPLAIN_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/raw_ostream.h"

namespace coro_tidy {

/// --verify-config, as clang-tidy: every glob of every configuration that
/// applies to \p File names a check, and every CheckOptions key names an
/// option a check reads. Prints the problems (or "No config errors
/// detected.") and returns whether there were none.
bool verifyConfig(clang::tidy::ClangTidyOptionsProvider &Provider,
                  llvm::StringRef File, llvm::raw_ostream &OS);

/// --explain-config, as clang-tidy: for each enabled check, the
/// configuration source that enabled it.
void explainConfig(clang::tidy::ClangTidyOptionsProvider &Provider,
                   llvm::StringRef File, llvm::raw_ostream &OS);

} // namespace coro_tidy

#endif
