//===--- LspChecker.h - check an editor buffer, reusing its preamble ------===//
//
// The headers a file includes at its top (its preamble) are most of the
// parse: Asio's are ~95% of a typical unit. clang's PrecompiledPreamble,
// the mechanism clangd uses, compiles them once into an in-memory PCH that
// later parses of the same buffer load instead, as long as the preamble's
// bytes, the compile command and every header it read are unchanged. So a
// re-check after an edit below the includes parses only the file's body.
//
// The buffer is checked as the editor has it, unsaved: it and the other
// open documents live in an in-memory file system laid over the real one.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_LSP_LSPCHECKER_H
#define CORO_TIDY_DRIVER_LSP_LSPCHECKER_H

#include "Findings.h"
#include "UnitRunner.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy::lsp {

/// One check of one version of a document.
struct CheckInput {
  std::string File; ///< absolute path of the document
  std::string Text; ///< its content in the editor
  int64_t Version = 0;
  clang::tooling::CompileCommand Command;
  /// The other open documents (path, text): a header being edited is read
  /// as the editor has it, not from disk.
  std::vector<std::pair<std::string, std::string>> OtherBuffers;
};

/// How the preamble was obtained for a check, for logs and the benchmark.
enum class PreambleUse {
  None,   ///< no preamble (no #include at the top, or it does not compile)
  Built,  ///< built for this check
  Reused, ///< the one built before still fits
  /// Not tried again: the same preamble failed to compile before (a missing
  /// header); a save tries again.
  KnownBroken,
};
llvm::StringRef name(PreambleUse Use);

class DocumentChecker {
public:
  explicit DocumentChecker(ProviderFactory MakeProvider)
      : MakeProvider(std::move(MakeProvider)) {}

  /// Builds the preamble for \p Input, or keeps the current one if it can
  /// be reused. A preamble whose headers do not compile is not kept (the
  /// check then parses everything and reports the error).
  PreambleUse preparePreamble(const CheckInput &Input);

  /// Forgets the preamble that did not compile, so the next check tries
  /// again (its headers may have been fixed on disk).
  void retryBrokenPreamble() { BrokenPreamble.clear(); }

  /// Runs the checks on \p Input (with the preamble, if one fits) in this
  /// process. Findings are in \p Input.File with byte offsets into
  /// \p Input.Text; an invalid command is one clang-diagnostic-error.
  /// Includes lists the document, then every file the unit read.
  UnitResult check(const CheckInput &Input);

  /// Bytes of the preamble's PCH, 0 if none.
  size_t preambleSize() const { return Preamble ? Preamble->getSize() : 0; }

private:
  ProviderFactory MakeProvider;
  std::optional<clang::PrecompiledPreamble> Preamble;
  /// The compiler arguments the preamble was built with: a changed command
  /// (a new -D, another -std) needs a new one.
  std::vector<std::string> PreambleArgs;
  std::vector<std::string> PreambleIncludes; ///< the files it read
  /// The arguments and preamble text of the last preamble that did not
  /// compile: rebuilding it on every keystroke would double each check's
  /// cost for nothing.
  std::string BrokenPreamble;
};

} // namespace coro_tidy::lsp

#endif
