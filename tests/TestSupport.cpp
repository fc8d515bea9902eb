//===--- TestSupport.cpp --------------------------------------------------===//

#include "TestSupport.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <regex>
#include <tuple>

namespace coro_tidy::test {

ProcessResult run(const std::string &Program,
                  const std::vector<std::string> &Args,
                  const std::string &WorkDir,
                  const std::vector<std::string> &ExtraEnv) {
  ProcessResult Result;
  llvm::SmallString<128> OutPath, ErrPath;
  llvm::sys::fs::createTemporaryFile("coro-test", "out", OutPath);
  llvm::sys::fs::createTemporaryFile("coro-test", "err", ErrPath);
  // ExecuteAndWait wants a path: resolve bare names through PATH.
  std::string Resolved = Program;
  if (!llvm::sys::path::is_absolute(Program))
    if (auto Found = llvm::sys::findProgramByName(Program))
      Resolved = *Found;
  std::vector<llvm::StringRef> Argv{Resolved};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(OutPath),
                                                llvm::StringRef(ErrPath)};
  std::string Message;
  // llvm::sys::ExecuteAndWait has no working-directory parameter: run
  // through `env -C` when one is needed.
  std::vector<llvm::StringRef> Final = Argv;
  std::string EnvPath = "/usr/bin/env";
  if (!WorkDir.empty() || !ExtraEnv.empty()) {
    Final = {EnvPath};
    if (!WorkDir.empty()) {
      Final.push_back("-C");
      Final.push_back(WorkDir);
    }
    for (const std::string &E : ExtraEnv)
      Final.push_back(E);
    Final.insert(Final.end(), Argv.begin(), Argv.end());
  }
  Result.ExitCode = llvm::sys::ExecuteAndWait(Final.front(), Final,
                                              std::nullopt, Redirects,
                                              /*SecondsToWait=*/600, 0,
                                              &Message);
  Result.Out = readFile(std::string(OutPath));
  Result.Err = readFile(std::string(ErrPath)) + Message;
  llvm::sys::fs::remove(OutPath);
  llvm::sys::fs::remove(ErrPath);
  return Result;
}

TempDir::TempDir() {
  llvm::SmallString<128> Dir;
  llvm::sys::fs::createUniqueDirectory("coro-tidy-test", Dir);
  llvm::sys::fs::real_path(Dir, Dir);
  Path = std::string(Dir);
}

TempDir::~TempDir() { llvm::sys::fs::remove_directories(Path); }

std::string TempDir::write(const std::string &Relative,
                           const std::string &Content) const {
  llvm::SmallString<256> Full(Path);
  llvm::sys::path::append(Full, Relative);
  llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Full));
  std::error_code EC;
  llvm::raw_fd_ostream OS(Full, EC);
  OS << Content;
  return std::string(Full);
}

std::string readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

bool Diagnostic::operator<(const Diagnostic &O) const {
  return std::tie(File, Line, Column, Level, Message) <
         std::tie(O.File, O.Line, O.Column, O.Level, O.Message);
}
bool Diagnostic::operator==(const Diagnostic &O) const {
  return std::tie(File, Line, Column, Level, Message) ==
         std::tie(O.File, O.Line, O.Column, O.Level, O.Message);
}
std::string Diagnostic::str() const {
  return File + ":" + std::to_string(Line) + ":" + std::to_string(Column) +
         ": " + Level + ": " + Message;
}

std::vector<Diagnostic> parseDiagnostics(const std::string &Output) {
  static const std::regex Line(
      R"(^(.+):(\d+):(\d+): (warning|error|note): (.*)$)");
  std::vector<Diagnostic> Result;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  llvm::StringRef(Output).split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    std::smatch M;
    std::string S = L.str();
    if (!std::regex_match(S, M, Line))
      continue;
    Diagnostic D;
    D.File = M[1];
    D.Line = std::stoul(M[2]);
    D.Column = std::stoul(M[3]);
    D.Level = M[4];
    D.Message = M[5];
    Result.push_back(D);
  }
  return Result;
}

bool haveProgram(const std::string &Program) {
  if (Program.empty())
    return false;
  if (llvm::sys::path::is_absolute(Program))
    return llvm::sys::fs::can_execute(Program);
  return static_cast<bool>(llvm::sys::findProgramByName(Program));
}

std::string coroTidy() { return CORO_TIDY_BINARY; }
std::string plugin() { return CORO_TIDY_PLUGIN; }
std::string clangTidy() { return CLANG_TIDY_19; }
std::string clangxx() { return CLANGXX_19; }
std::string applyReplacements() { return CLANG_APPLY_REPLACEMENTS_19; }
std::string sourceDir() { return CORO_TIDY_SOURCE_DIR; }
std::string binaryDir() { return CORO_TIDY_BINARY_DIR; }

CrossFileProject::CrossFileProject() {
  std::string From = sourceDir() + "/testdata/projects/cross-file";
  std::error_code EC;
  std::vector<std::string> Sources;
  for (llvm::sys::fs::recursive_directory_iterator It(From, EC), End;
       It != End && !EC; It.increment(EC)) {
    if (It->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    std::string Relative = It->path().substr(From.size() + 1);
    Dir.write(Relative, readFile(It->path()));
    if (llvm::StringRef(Relative).starts_with("src/") &&
        llvm::StringRef(Relative).ends_with(".cpp"))
      Sources.push_back(Relative.substr(4));
  }
  std::sort(Sources.begin(), Sources.end());
  std::string Entries;
  for (const std::string &F : Sources) {
    if (!Entries.empty())
      Entries += ",\n";
    Entries += "{\"directory\": \"" + Dir.path() +
               "/src\", \"command\": \"clang++ -std=c++20 -I../include -c " +
               F + "\", \"file\": \"" + F + "\"}";
  }
  Dir.write("build/compile_commands.json", "[" + Entries + "]");
}

ProcessResult CrossFileProject::tidy(std::vector<std::string> Args) const {
  Args.insert(Args.begin(), {"-p", path("build"), "--quiet"});
  return run(coroTidy(), Args, Dir.path());
}

} // namespace coro_tidy::test
