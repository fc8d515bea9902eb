//===--- LspText.h - an open document's text and LSP positions in it ------===//
//
// LSP positions are a 0-based line and a column in UTF-16 code units (the
// protocol's default encoding); clang's are byte offsets. Edits from
// didChange are applied here, so the buffer the checks see is exactly the
// editor's.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_LSP_LSPTEXT_H
#define CORO_TIDY_DRIVER_LSP_LSPTEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <cstddef>
#include <string>
#include <vector>

namespace coro_tidy::lsp {

struct LspPosition {
  unsigned Line = 0;      ///< 0-based
  unsigned Character = 0; ///< 0-based, UTF-16 code units
};

/// Line starts of a text, for conversions both ways.
class LineIndex {
public:
  explicit LineIndex(llvm::StringRef Text);
  /// The position of byte \p Offset (clamped to the text).
  LspPosition position(size_t Offset) const;
  /// The byte offset of \p P; a column past the line's end is the line's
  /// end, a line past the last is an error.
  llvm::Expected<size_t> offset(LspPosition P) const;
  /// Byte offset of the end of the line holding \p Offset (before its
  /// newline).
  size_t lineEnd(size_t Offset) const;

private:
  llvm::StringRef Text;
  std::vector<size_t> Starts;
};

llvm::json::Value toJSON(const LspPosition &P);
bool fromJSON(const llvm::json::Value &V, LspPosition &P, llvm::json::Path);

/// Applies one entry of didChange's contentChanges to \p Text: a whole new
/// text (no "range"), or a replacement of a range.
llvm::Error applyChange(std::string &Text, const llvm::json::Value &Change);

} // namespace coro_tidy::lsp

#endif
