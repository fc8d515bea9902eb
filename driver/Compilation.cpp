//===--- Compilation.cpp --------------------------------------------------===//

#include "Compilation.h"
#include "InputFiles.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
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

static llvm::Error databaseError(llvm::StringRef Where, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "malformed compilation database '" + Where +
                                     "': " + Why);
}

/// Checks \p Text against the JSON compilation database format with
/// llvm::json, entry by entry, so that every defect is one line naming the
/// entry. clang's reader is YAML-based: it prints parse errors over several
/// lines, accepts truncated input, turns numbers into file names, and
/// aborts the process on a directory it cannot enter.
///
/// A relative "directory" is taken relative to the database's own folder
/// (the format leaves it open; CMake and Bear write absolute ones): \p Text
/// is rewritten with those made absolute.
llvm::Error checkDatabase(std::string &Text, llvm::StringRef Where) {
  auto Parsed = llvm::json::parse(Text);
  if (!Parsed)
    return databaseError(Where, llvm::toString(Parsed.takeError()));
  llvm::SmallString<256> Base(Where);
  llvm::sys::fs::make_absolute(Base);
  llvm::sys::path::remove_filename(Base);
  bool Rewritten = false;
  llvm::json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return databaseError(Where, "expected a list of entries");
  for (size_t I = 0; I < Entries->size(); ++I) {
    std::string Entry = "entry " + std::to_string(I + 1);
    llvm::json::Object *Object = (*Entries)[I].getAsObject();
    if (!Object)
      return databaseError(Where, Entry + " is not an object");
    auto Directory = Object->getString("directory");
    auto File = Object->getString("file");
    if (!File)
      return databaseError(Where, Entry + ": \"file\" must be a string");
    Entry += " ('" + File->str() + "')";
    if (!Directory)
      return databaseError(Where,
                           Entry + ": \"directory\" must be a string");
    if (const llvm::json::Value *Output = Object->get("output");
        Output && !Output->getAsString())
      return databaseError(Where, Entry + ": \"output\" must be a string");
    const llvm::json::Value *Arguments = Object->get("arguments");
    const llvm::json::Value *Command = Object->get("command");
    if (Arguments) {
      const llvm::json::Array *List = Arguments->getAsArray();
      if (!List || List->empty())
        return databaseError(
            Where, Entry + ": \"arguments\" must be a non-empty list of strings");
      for (size_t A = 0; A < List->size(); ++A)
        if (!(*List)[A].getAsString())
          return databaseError(Where, Entry + ": argument " +
                                          llvm::Twine(A + 1) +
                                          " is not a string");
    } else if (!Command || !Command->getAsString()) {
      return databaseError(Where, Entry + ": needs \"arguments\" (a list) "
                                          "or \"command\" (a string)");
    }
    llvm::SmallString<256> Dir(*Directory);
    if (llvm::sys::path::is_relative(Dir)) {
      llvm::sys::fs::make_absolute(Base, Dir);
      llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    }
    if (!llvm::sys::fs::is_directory(Dir))
      return databaseError(Where, Entry + ": directory '" + *Directory +
                                      "' does not exist");
    if (Dir != *Directory) {
      (*Object)["directory"] = std::string(Dir);
      Rewritten = true;
    }
  }
  if (Rewritten)
    Text = llvm::formatv("{0}", llvm::json::Value(std::move(*Parsed))).str();
  return llvm::Error::success();
}

/// Reads, checks and loads the database at \p Json.
static llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadDatabaseFile(llvm::StringRef Json) {
  auto Text = readRegularFile(Json, "compilation database");
  if (!Text)
    return Text.takeError();
  if (llvm::Error E = checkDatabase(*Text, Json))
    return std::move(E);
  std::string Message;
  std::unique_ptr<CompilationDatabase> DB = JSONCompilationDatabase::loadFromBuffer(
      *Text, Message, JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return databaseError(Json, llvm::StringRef(Message).split('\n').first);
  return std::move(DB);
}

static llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadFromBuildPath(llvm::StringRef BuildPath) {
  if (!llvm::sys::fs::exists(BuildPath))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "build path '" + BuildPath + "' does not exist");
  if (!llvm::sys::fs::is_directory(BuildPath))
    return loadDatabaseFile(BuildPath);
  llvm::SmallString<256> Json(BuildPath);
  llvm::sys::path::append(Json, "compile_commands.json");
  if (!llvm::sys::fs::exists(Json))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "no compile_commands.json in '" + BuildPath +
            "' (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  return loadDatabaseFile(Json);
}

/// The database of the nearest folder above \p Source that has one
/// (compile_commands.json, checked like -p's, or compile_flags.txt), as
/// clang's autoDetectFromSource finds it; null if there is none.
static llvm::Expected<std::unique_ptr<CompilationDatabase>>
findDatabaseAbove(llvm::StringRef Source) {
  llvm::SmallString<256> Abs(Source);
  llvm::sys::fs::make_absolute(Abs);
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(Abs); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Json(Dir);
    llvm::sys::path::append(Json, "compile_commands.json");
    if (llvm::sys::fs::exists(Json))
      return loadDatabaseFile(Json);
    llvm::SmallString<256> Flags(Dir);
    llvm::sys::path::append(Flags, "compile_flags.txt");
    if (llvm::sys::fs::exists(Flags)) {
      std::string Ignored;
      return CompilationDatabase::autoDetectFromDirectory(Dir, Ignored);
    }
  }
  return nullptr;
}

namespace {
/// Makes relative include folders (-Iinclude, -isystem ../third_party) and
/// source files absolute and normalised, from each command's directory:
/// header paths are
/// then absolute in every diagnostic, so --header-filter matches the path
/// the report prints, and the same header is one file in every unit.
class AbsoluteIncludeFolders : public CompilationDatabase {
public:
  explicit AbsoluteIncludeFolders(std::unique_ptr<CompilationDatabase> Inner)
      : Inner(std::move(Inner)) {}
  std::vector<CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    return adjusted(Inner->getCompileCommands(File));
  }
  std::vector<std::string> getAllFiles() const override {
    return Inner->getAllFiles();
  }
  std::vector<CompileCommand> getAllCompileCommands() const override {
    return adjusted(Inner->getAllCompileCommands());
  }

private:
  static std::string absolute(llvm::StringRef Dir, llvm::StringRef Path) {
    if (Path.empty() || Path.starts_with("="))
      return Path.str(); // empty, or relative to the sysroot
    llvm::SmallString<256> Abs(Path);
    if (llvm::sys::path::is_relative(Abs)) {
      Abs = Dir;
      llvm::sys::path::append(Abs, Path);
      llvm::sys::fs::make_absolute(Abs); // a relative directory: from here
    }
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    return std::string(Abs);
  }
  static std::vector<CompileCommand>
  adjusted(std::vector<CompileCommand> Commands) {
    static constexpr llvm::StringLiteral Flags[] = {"-I", "-isystem", "-iquote",
                                                    "-idirafter"};
    for (CompileCommand &C : Commands) {
      std::vector<std::string> &Args = C.CommandLine;
      // A relative source file too: configuration lookup (.clang-tidy
      // above the file) happens outside the command's directory.
      std::string Source = absolute(C.Directory, C.Filename);
      for (size_t I = 1; I < Args.size(); ++I)
        if (!Args[I].empty() && Args[I][0] != '-' &&
            llvm::sys::path::is_relative(Args[I]) &&
            absolute(C.Directory, Args[I]) == Source)
          Args[I] = Source;
      C.Filename = Source;
      for (size_t I = 1; I < Args.size(); ++I)
        for (llvm::StringRef Flag : Flags) {
          llvm::StringRef Arg = Args[I];
          if (Arg == Flag && I + 1 < Args.size()) {
            Args[I + 1] = absolute(C.Directory, Args[I + 1]);
            ++I;
            break;
          }
          if (Arg.starts_with(Flag) && Arg.size() > Flag.size() &&
              (Flag == "-I" || !Arg.drop_front(Flag.size()).starts_with("-"))) {
            Args[I] = Flag.str() + absolute(C.Directory, Arg.drop_front(Flag.size()));
            break;
          }
        }
    }
    return Commands;
  }
  std::unique_ptr<CompilationDatabase> Inner;
};
} // namespace

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
    if (!Request.FirstSource.empty()) {
      auto Found = findDatabaseAbove(Request.FirstSource);
      if (!Found)
        return Found.takeError();
      Base = std::move(*Found);
    }
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
      inferTargetAndDriverMode(
          std::make_unique<AbsoluteIncludeFolders>(std::move(Base))));
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
