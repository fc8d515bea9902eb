//===--- Compilation.cpp --------------------------------------------------===//

#include "Compilation.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang::tooling;

namespace coro_tidy {

std::string findResourceDir(const std::string &Argv0) {
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0.c_str(), &Anchor);
  if (!Exe.empty()) {
    llvm::SmallString<256> Dir(llvm::sys::path::parent_path(
        llvm::sys::path::parent_path(Exe)));
    llvm::sys::path::append(Dir, "lib", "clang", std::to_string(LLVM_VERSION_MAJOR));
    llvm::SmallString<256> Probe(Dir);
    llvm::sys::path::append(Probe, "include", "stdarg.h");
    if (llvm::sys::fs::exists(Probe))
      return std::string(Dir);
  }
  return CORO_TIDY_FALLBACK_RESOURCE_DIR;
}

static llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadFromBuildPath(llvm::StringRef BuildPath) {
  if (!llvm::sys::fs::exists(BuildPath))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "build path '" + BuildPath + "' does not exist");
  std::string Message;
  std::unique_ptr<CompilationDatabase> DB;
  if (llvm::sys::fs::is_directory(BuildPath)) {
    llvm::SmallString<256> Json(BuildPath);
    llvm::sys::path::append(Json, "compile_commands.json");
    if (!llvm::sys::fs::exists(Json))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "no compile_commands.json in '" + BuildPath +
              "' (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
    DB = JSONCompilationDatabase::loadFromFile(
        Json, Message, JSONCommandLineSyntax::AutoDetect);
  } else {
    DB = JSONCompilationDatabase::loadFromFile(
        BuildPath, Message, JSONCommandLineSyntax::AutoDetect);
  }
  if (!DB) {
    // JSON errors span lines; the first is the useful one.
    llvm::StringRef First = llvm::StringRef(Message).split('\n').first;
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "malformed compilation database in '" +
                                       BuildPath + "': " + First);
  }
  return std::move(DB);
}

llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadCompilations(const CompilationRequest &Request, std::string &Origin) {
  std::unique_ptr<CompilationDatabase> Base;
  if (Request.HasFixedArgs) {
    // As clang-tidy: the driver strips the compiler name, inputs and
    // outputs, so `-- clang++ -c x.cpp -o x.o` (CMAKE_CXX_CLANG_TIDY) works.
    std::vector<const char *> Argv{"coro-tidy", "--"};
    for (const std::string &Arg : Request.FixedArgs)
      Argv.push_back(Arg.c_str());
    int Argc = static_cast<int>(Argv.size());
    std::string Error;
    Base = FixedCompilationDatabase::loadFromCommandLine(Argc, Argv.data(),
                                                         Error);
    if (!Base)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "invalid compiler arguments after --: " +
                                         Error);
    Origin = "command line";
  } else if (!Request.BuildPath.empty()) {
    auto DB = loadFromBuildPath(Request.BuildPath);
    if (!DB)
      return DB.takeError();
    Base = inferMissingCompileCommands(std::move(*DB));
    Origin = Request.BuildPath;
  } else {
    std::string Ignored;
    if (!Request.FirstSource.empty())
      Base = CompilationDatabase::autoDetectFromSource(Request.FirstSource,
                                                       Ignored);
    if (Base) {
      Base = inferMissingCompileCommands(std::move(Base));
      Origin = "compile_commands.json above " + Request.FirstSource;
    } else {
      // No database anywhere: lint as plain C++20, the language coroutines
      // need. This is what makes `coro-tidy file.cpp` just work.
      Base = std::make_unique<FixedCompilationDatabase>(
          ".", std::vector<std::string>{"-std=c++20"});
      Origin = "default flags (-std=c++20)";
    }
  }

  auto Adjusted = std::make_unique<ArgumentsAdjustingCompilations>(
      inferTargetAndDriverMode(std::move(Base)));
  if (!Request.ExtraArgsBefore.empty())
    Adjusted->appendArgumentsAdjuster(getInsertArgumentAdjuster(
        Request.ExtraArgsBefore, ArgumentInsertPosition::BEGIN));
  if (!Request.ExtraArgs.empty())
    Adjusted->appendArgumentsAdjuster(getInsertArgumentAdjuster(
        Request.ExtraArgs, ArgumentInsertPosition::END));
  std::string ResourceDir = findResourceDir(Request.Argv0);
  Adjusted->appendArgumentsAdjuster(
      [ResourceDir](const CommandLineArguments &Args, llvm::StringRef) {
        for (const std::string &Arg : Args)
          if (llvm::StringRef(Arg).starts_with("-resource-dir"))
            return Args;
        CommandLineArguments Result = Args;
        Result.insert(Result.begin() + (Result.empty() ? 0 : 1),
                      "-resource-dir=" + ResourceDir);
        return Result;
      });
  return std::unique_ptr<CompilationDatabase>(std::move(Adjusted));
}

} // namespace coro_tidy
