//===--- Compilation.h - where coro-tidy finds the build flags ------------===//

#ifndef CORO_TIDY_DRIVER_COMPILATION_H
#define CORO_TIDY_DRIVER_COMPILATION_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace coro_tidy {

struct CompilationRequest {
  /// `-p`: a build directory or a compile_commands.json path; empty if not
  /// given.
  std::string BuildPath;
  /// Arguments after `--`, if `--` was given.
  bool HasFixedArgs = false;
  std::vector<std::string> FixedArgs;
  /// First source file, used to search for a database when -p is absent.
  std::string FirstSource;
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  /// argv[0], to locate clang's builtin headers next to the binary.
  std::string Argv0;
};

/// The compilation database to use, with coro-tidy's adjustments: explicit
/// `--` flags win; then `-p`; then a compile_commands.json found above the
/// first source file; then the embedded default (`-std=c++20`). Files absent
/// from a real database get flags interpolated from their neighbours.
/// Returns an error with a one-line message when -p does not name a usable
/// database.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilations(const CompilationRequest &Request, std::string &Origin);

/// Checks a compile_commands.json's text entry by entry; the first defect
/// as a one-line error naming the entry. Relative "directory" values are
/// rewritten in \p Text relative to \p Where's folder.
llvm::Error checkDatabase(std::string &Text, llvm::StringRef Where);

/// Clang's resource directory for this binary: `<bin>/../lib/clang/<N>` when
/// it has builtin headers, otherwise the one of the LLVM the tool was built
/// against.
std::string findResourceDir(const std::string &Argv0);

} // namespace coro_tidy

#endif
