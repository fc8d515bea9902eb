//===--- ResultCache.h - reuse a unit's results when nothing changed ------===//
//
// An entry is keyed by everything that can change a unit's results: the
// tool itself, the effective checks and options, the compile command and the
// main file. It lists every file the unit read with its content hash, and is
// used only if all of them still hash the same. Entries are written to a
// temporary file and renamed into place, so concurrent runs never see a
// half-written entry; anything unreadable or inconsistent is ignored and the
// unit is checked afresh.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_RESULTCACHE_H
#define CORO_TIDY_DRIVER_RESULTCACHE_H

#include "Findings.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>

namespace coro_tidy {

class ResultCache {
public:
  /// Opens (creating if needed) the cache in \p Dir; an error if it cannot
  /// be created, read or written.
  static llvm::Expected<ResultCache> open(const std::string &Dir);

  /// The key of a unit from the inputs that decide its results.
  std::string key(llvm::StringRef ToolFingerprint, llvm::StringRef Options,
                  llvm::StringRef CompileCommand, llvm::StringRef MainFile);

  std::optional<UnitResult> lookup(const std::string &Key);
  /// The files a unit read the last time it was checked, whatever options
  /// were used then (--diff asks which units a changed header touches).
  /// \p Unit identifies the unit: its main file and compile command.
  std::optional<std::vector<std::string>> includesOf(llvm::StringRef Unit);
  void storeIncludes(llvm::StringRef Unit,
                     const std::vector<std::string> &Includes);
  void store(const std::string &Key, const UnitResult &Result);

  const std::string &directory() const { return Dir; }
  unsigned hits() const { return Hits; }
  unsigned misses() const { return Misses; }

  /// Hex SHA-256 of a file's content, memoised for the run; empty if
  /// unreadable.
  std::string hashFile(const std::string &Path);

private:
  explicit ResultCache(std::string Dir) : Dir(std::move(Dir)) {}
  std::string entryPath(const std::string &Key) const;
  std::string includesPath(llvm::StringRef Unit) const;
  /// Writes \p Value to \p Path through a temporary file and a rename.
  void writeAtomically(const std::string &Path, llvm::json::Value Value);

  std::string Dir;
  llvm::StringMap<std::string> FileHashes;
  unsigned Hits = 0;
  unsigned Misses = 0;
};

/// Hex SHA-256 of \p Data.
std::string sha256Hex(llvm::StringRef Data);

} // namespace coro_tidy

#endif
