//===--- LspDiagnostics.h - findings as LSP diagnostics and code actions --===//

#ifndef CORO_TIDY_DRIVER_LSP_LSPDIAGNOSTICS_H
#define CORO_TIDY_DRIVER_LSP_LSPDIAGNOSTICS_H

#include "LspText.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace coro_tidy::lsp {

/// The diagnostics published for one version of a document, and the
/// findings behind them (code actions are built from those).
struct PublishedFindings {
  int64_t Version = -1;
  std::vector<clang::tidy::ClangTidyError> Findings;
  llvm::json::Array Diagnostics; ///< one per finding, in the same order
};

/// LSP diagnostics for the findings of \p File (the document \p Uri, as the
/// client spells it) whose text was \p Text:
/// ranges in UTF-16 columns, code = the check, codeDescription = its docs
/// page under \p DocsBaseUrl, notes as relatedInformation, severity
/// warning. Compiler diagnostics are clangd's to show; a file that does not
/// compile gets one note saying the findings may be incomplete.
PublishedFindings
publishedFindings(const std::vector<clang::tidy::ClangTidyError> &Errors,
                  llvm::StringRef Uri, llvm::StringRef File,
                  llvm::StringRef Text, int64_t Version,
                  llvm::StringRef DocsBaseUrl);

/// One diagnostic for a problem of coro-tidy itself at the top of the
/// document (a crash, a broken configuration): severity error.
llvm::json::Value toolDiagnostic(llvm::StringRef Code, llvm::StringRef Message);

/// The code actions for the findings on the lines of [\p From, \p To]:
/// each fix-it (of the finding and of its notes) as a quick fix, and a
/// "suppress with NOLINT" for every finding. \p Text is the text the
/// findings were computed on.
llvm::json::Array codeActions(const PublishedFindings &Published,
                              llvm::StringRef Uri, llvm::StringRef File,
                              llvm::StringRef Text, LspPosition From,
                              LspPosition To);

} // namespace coro_tidy::lsp

#endif
