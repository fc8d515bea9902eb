//===--- SourcePositions.h - line, column and line text of a file offset --===//
//
// Reports give positions as lines and columns: bytes for the text report,
// UTF-16 code units for SARIF and LSP. Each file is read once and its line
// starts indexed, so a report of N findings costs O(N log L), not a re-read
// of the file per finding.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_SOURCEPOSITIONS_H
#define CORO_TIDY_DRIVER_SOURCEPOSITIONS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <vector>

namespace coro_tidy {

struct Position {
  unsigned Line = 0;        ///< 1-based; 0 if the file cannot be read
  unsigned Column = 0;      ///< 1-based, in bytes
  unsigned Utf16Column = 0; ///< 1-based, in UTF-16 code units
  llvm::StringRef LineText; ///< the whole line, without its newline
};

/// The number of UTF-16 code units that the UTF-8 text \p Text encodes
/// (invalid bytes count as one unit each, as a replacement character).
unsigned utf16Length(llvm::StringRef Text);

class SourcePositions {
public:
  Position at(llvm::StringRef File, unsigned Offset);

private:
  struct Indexed {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    std::vector<unsigned> LineStarts;
  };
  const Indexed *load(llvm::StringRef File);
  llvm::StringMap<std::unique_ptr<Indexed>> Files;
};

} // namespace coro_tidy

#endif
