//===--- Report.h - machine-readable reports: SARIF, JSON, CI formats -----===//
//
// What each CI service reads as it is:
//   sarif       SARIF 2.1.0 for GitHub code scanning and other viewers
//   json        coro-tidy's own list of findings
//   codeclimate GitLab Code Quality
//   github      GitHub Actions workflow annotations (::warning lines)
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_REPORT_H
#define CORO_TIDY_DRIVER_REPORT_H

#include "SourcePositions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace coro_tidy {

struct ReportOptions {
  std::vector<std::string> EnabledChecks; ///< every one is a SARIF rule
  std::string Argv0;
  /// Paths under this folder are written relative to it (SARIF's
  /// %SRCROOT%, Code Quality's and GitHub's paths); absolute, no trailing
  /// slash.
  std::string SourceRoot;
  /// Public address of docs/checks/: a check's page is <base>/<check>.md.
  std::string DocsBaseUrl;
};

/// The built-in public address of the checks' documentation.
std::string defaultDocsBaseUrl();

/// What a rule (check) is.
struct CheckInfo {
  std::string Name;        ///< the check's name, e.g. coro-blocking-call
  std::string DisplayName; ///< SARIF's rule name, e.g. CoroBlockingCall
  std::string Description;
  std::string HelpUri; ///< empty for compiler diagnostics
};

CheckInfo describeCheck(llvm::StringRef Check, const ReportOptions &Options);

/// A SARIF 2.1.0 log: rules with descriptions and public help links,
/// results with locations relative to %SRCROOT%, UTF-16 columns, notes as
/// related locations linked from the message, fixes, and fingerprints that
/// survive line moves.
llvm::json::Value makeSarif(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                            const ReportOptions &Options,
                            SourcePositions &Positions);

/// coro-tidy's own JSON: a list of findings with 1-based lines and columns.
llvm::json::Value makeJson(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                           SourcePositions &Positions);

/// GitLab Code Quality: a list of issues with fingerprints and relative
/// paths.
llvm::json::Value
makeCodeClimate(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                const ReportOptions &Options, SourcePositions &Positions);

/// GitHub Actions workflow commands, one `::warning file=...` line per
/// finding (its notes in the message).
std::string
makeGithubAnnotations(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                      const ReportOptions &Options, SourcePositions &Positions);

/// A file:// URI for an absolute path.
std::string fileUri(llvm::StringRef Path);

} // namespace coro_tidy

#endif
