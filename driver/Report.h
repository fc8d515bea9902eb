//===--- Report.h - machine-readable output: SARIF 2.1.0 and JSON ---------===//

#ifndef CORO_TIDY_DRIVER_REPORT_H
#define CORO_TIDY_DRIVER_REPORT_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace coro_tidy {

/// What a rule (check) is, for SARIF's tool.driver.rules.
struct CheckInfo {
  std::string Name;
  std::string Description;
  std::string HelpUri; ///< file:// URI of docs/checks/<name>.md
};

/// The description and documentation of \p Check.
CheckInfo describeCheck(llvm::StringRef Check, llvm::StringRef Argv0);

/// A SARIF 2.1.0 log of \p Errors: rules with descriptions and help links,
/// results with locations, notes as related locations, and fixes.
llvm::json::Value makeSarif(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                            llvm::ArrayRef<std::string> EnabledChecks,
                            llvm::StringRef Argv0);

/// coro-tidy's own JSON: a list of findings with 1-based lines and columns.
llvm::json::Value makeJson(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors);

/// A file:// URI for an absolute path.
std::string fileUri(llvm::StringRef Path);

} // namespace coro_tidy

#endif
