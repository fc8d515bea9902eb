//===--- UnitRunner.cpp ---------------------------------------------------===//

#include "UnitRunner.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <fcntl.h>
#include <set>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace clang;
using namespace clang::tidy;
using namespace clang::tooling;

namespace coro_tidy {
namespace {

/// Limits the AST traversal that runs the checks' matchers to declarations
/// outside system headers. Findings there are filtered out anyway (unless
/// --system-headers), and walking all of Boost or the standard library is
/// most of a linter's cost on a typical coroutine unit. Checks still see
/// every declaration when they follow a call into a header.
class SkipSystemHeaders : public ASTConsumer {
public:
  void HandleTranslationUnit(ASTContext &Ctx) override {
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<Decl *> Scope;
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
      SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
      if (Loc.isValid() && !SM.isInSystemHeader(Loc))
        Scope.push_back(D);
    }
    Ctx.setTraversalScope(Scope);
  }
};

/// The real file system, recording every path looked up and not found.
/// Header search probes each include folder in turn, and __has_include asks
/// for files that may not exist: a file appearing at one of these paths
/// later can change what the unit compiles to.
class AbsenceRecorder : public llvm::vfs::ProxyFileSystem {
public:
  AbsenceRecorder() : ProxyFileSystem(llvm::vfs::getRealFileSystem()) {}
  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    auto Result = ProxyFileSystem::status(Path);
    if (!Result)
      record(Path, Result.getError());
    return Result;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto Result = ProxyFileSystem::openFileForRead(Path);
    if (!Result)
      record(Path, Result.getError());
    return Result;
  }
  std::vector<std::string> take() {
    std::vector<std::string> Paths(Absent.begin(), Absent.end());
    llvm::sort(Paths);
    return Paths;
  }

private:
  void record(const llvm::Twine &Path, std::error_code EC) {
    if (EC != std::errc::no_such_file_or_directory &&
        EC != std::errc::not_a_directory)
      return;
    llvm::SmallString<256> Abs;
    Path.toVector(Abs);
    if (makeAbsolute(Abs))
      return;
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    Absent.insert(std::string(Abs));
  }
  std::set<std::string> Absent;
};

/// clang-tidy's AST consumer, plus a record of the files the unit read.
class CheckAction : public ASTFrontendAction {
public:
  CheckAction(ClangTidyASTConsumerFactory &Factory, ClangTidyContext &Context,
              std::vector<std::string> &Includes)
      : Factory(Factory), Context(Context), Includes(Includes) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    std::unique_ptr<ASTConsumer> Checks = Factory.createASTConsumer(CI, File);
    if (Context.getOptions().SystemHeaders.value_or(false))
      return Checks;
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::make_unique<SkipSystemHeaders>());
    Consumers.push_back(std::move(Checks));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }
  void EndSourceFileAction() override {
    SourceManager &SM = getCompilerInstance().getSourceManager();
    FileManager &FM = SM.getFileManager();
    // Names are relative to the unit's directory, not to this process's.
    auto RealPath = [&](StringRef Name) {
      llvm::SmallString<256> Abs(Name);
      FM.makeAbsolutePath(Abs);
      llvm::SmallString<256> Real;
      if (llvm::sys::fs::real_path(Abs, Real))
        return std::string(Abs);
      return std::string(Real);
    };
    if (auto Main = SM.getFileEntryRefForID(SM.getMainFileID()))
      Includes.push_back(RealPath(Main->getName()));
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      std::string Path = RealPath(It->first.getName());
      if (Includes.empty() || Path != Includes.front())
        Includes.push_back(Path);
    }
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  ClangTidyContext &Context;
  std::vector<std::string> &Includes;
};

class CheckActionFactory : public FrontendActionFactory {
public:
  CheckActionFactory(ClangTidyContext &Context,
                     std::vector<std::string> &Includes)
      : Factory(Context), Context(Context), Includes(Includes) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CheckAction>(Factory, Context, Includes);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy: code may test __clang_analyzer__ to hide itself.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(
        std::move(Invocation), Files, std::move(PCHContainerOps),
        DiagConsumer);
  }

private:
  ClangTidyASTConsumerFactory Factory;
  ClangTidyContext &Context;
  std::vector<std::string> &Includes;
};

/// Paths in diagnostics are relative to the unit's build directory; the
/// parent, the cache and SARIF need them absolute.
std::string absoluteIn(StringRef Dir, StringRef Path) {
  if (Path.empty())
    return Path.str();
  // Normalised too when already absolute (`inc/./x.h`, `src/../inc/x.h`
  // from -I flags), so that a header is the same file in every unit.
  llvm::SmallString<256> Abs;
  if (llvm::sys::path::is_absolute(Path)) {
    Abs = Path;
  } else {
    Abs = Dir;
    llvm::sys::path::append(Abs, Path);
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

void makePathsAbsolute(tooling::DiagnosticMessage &M, StringRef Dir) {
  M.FilePath = absoluteIn(Dir, M.FilePath);
  for (tooling::FileByteRange &R : M.Ranges)
    R.FilePath = absoluteIn(Dir, R.FilePath);
  llvm::StringMap<tooling::Replacements> Fix;
  for (const auto &Entry : M.Fix)
    for (const tooling::Replacement &R : Entry.getValue()) {
      tooling::Replacement Abs(absoluteIn(Dir, R.getFilePath()),
                               R.getOffset(), R.getLength(),
                               R.getReplacementText());
      llvm::consumeError(Fix[Abs.getFilePath()].add(Abs));
    }
  M.Fix = std::move(Fix);
}

void makePathsAbsolute(ClangTidyError &E) {
  makePathsAbsolute(E.Message, E.BuildDirectory);
  for (tooling::DiagnosticMessage &N : E.Notes)
    makePathsAbsolute(N, E.BuildDirectory);
}

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
loadVfsOverlay(llvm::StringRef Path,
               llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base) {
  auto Buffer = Base->getBufferForFile(Path);
  if (!Buffer)
    return nullptr;
  auto Quiet = [](const llvm::SMDiagnostic &, void *) {};
  return llvm::vfs::getVFSFromYAML(std::move(*Buffer), Quiet, Path, nullptr,
                                   std::move(Base));
}

UnitResult checkUnit(const ProviderFactory &MakeProvider,
                     const CompilationDatabase &Compilations,
                     const std::string &File, const UnitOptions &Options) {
  ClangTidyContext Context(MakeProvider(),
                           /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                           Options.ModuleHeadersParsing);
  // The consumer reads the header filter once, possibly before the
  // frontend names the main file: make it the unit's from the start, not
  // the current directory's (the context starts with an empty file name).
  {
    llvm::SmallString<256> Main(File);
    llvm::sys::fs::make_absolute(Main);
    Context.setCurrentFile(Main);
  }
  Context.setEnableProfiling(Options.Profile);
  if (!Options.ProfilePrefix.empty())
    Context.setProfileStoragePrefix(Options.ProfilePrefix);
  llvm::IntrusiveRefCntPtr<AbsenceRecorder> Recorder(new AbsenceRecorder());
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS = Recorder;
  if (!Options.VfsOverlay.empty())
    if (auto Overlay = loadVfsOverlay(Options.VfsOverlay, Recorder))
      FS = Overlay;
  ClangTool Tool(Compilations, {File},
                 std::make_shared<PCHContainerOperations>(), FS);
  // ExtraArgs/ExtraArgsBefore from .clang-tidy, as clang-tidy applies them.
  Tool.appendArgumentsAdjuster(
      [&Context](const CommandLineArguments &Args, StringRef Filename) {
        ClangTidyOptions Opts = Context.getOptionsForFile(Filename);
        CommandLineArguments Result = Args;
        if (Opts.ExtraArgsBefore) {
          auto It = Result.begin();
          if (It != Result.end())
            ++It;
          Result.insert(It, Opts.ExtraArgsBefore->begin(),
                        Opts.ExtraArgsBefore->end());
        }
        if (Opts.ExtraArgs)
          Result.insert(Result.end(), Opts.ExtraArgs->begin(),
                        Opts.ExtraArgs->end());
        return Result;
      });
  Tool.appendArgumentsAdjuster(getStripPluginsAdjuster());
  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr,
                                           /*RemoveIncompatibleErrors=*/true,
                                           /*GetFixesFromNotes=*/Options.KeepFixes);
  DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(),
                       &DiagConsumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);
  Tool.setDiagnosticConsumer(&DiagConsumer);
  UnitResult Result;
  CheckActionFactory Factory(Context, Result.Includes);
  clang::tidy::coro::utils::FactsSink Facts;
  if (Options.ProjectFacts)
    clang::tidy::coro::utils::FactsSink::activate(&Facts);
  Tool.run(&Factory);
  clang::tidy::coro::utils::FactsSink::activate(nullptr);
  Result.Facts = Facts.take();
  Result.Errors = DiagConsumer.take();
  Result.Absent = Recorder->take();
  for (ClangTidyError &E : Result.Errors)
    makePathsAbsolute(E);
  return Result;
}

IsolatedRun startIsolated(const ProviderFactory &MakeProvider,
                          const CompilationDatabase &Compilations,
                          const std::string &File,
                          const UnitOptions &Options) {
  IsolatedRun Run;
  Run.File = File;
  for (int *FD : {&Run.ResultFD, &Run.StderrFD}) {
    llvm::SmallString<128> Path;
    if (!llvm::sys::fs::createTemporaryFile("coro-tidy-unit", "tmp", *FD,
                                            Path))
      llvm::sys::fs::remove(Path);
  }
  llvm::outs().flush();
  llvm::errs().flush();
  pid_t Pid = fork();
  if (Pid == 0) {
    // Child: compiler messages go to a file the parent replays in order;
    // a crash is reported by the parent in one line, so no stack dump.
    if (Run.StderrFD >= 0)
      dup2(Run.StderrFD, STDERR_FILENO);
    signal(SIGSEGV, SIG_DFL);
    signal(SIGABRT, SIG_DFL);
    signal(SIGBUS, SIG_DFL);
    signal(SIGILL, SIG_DFL);
    signal(SIGFPE, SIG_DFL);
    // Test hook: lets the driver tests prove that a crashing unit is
    // reported and the run goes on (tests/ProjectTest.cpp).
    if (const char *Crash = getenv("CORO_TIDY_TEST_CRASH_UNIT"))
      if (*Crash && File.find(Crash) != std::string::npos)
        raise(SIGSEGV);
    UnitResult Result = checkUnit(MakeProvider, Compilations, File, Options);
    bool Written = false;
    if (Run.ResultFD >= 0) {
      llvm::raw_fd_ostream OS(Run.ResultFD, /*shouldClose=*/false);
      OS << toJSON(Result);
      OS.flush();
      Written = !OS.has_error();
      OS.clear_error();
    }
    llvm::errs().flush();
    _exit(Written ? 0 : 3);
  }
  Run.Pid = Pid;
  return Run;
}

/// Everything written to \p FD (from its start), then closes it.
static std::string readAndClose(int FD) {
  std::string Text;
  if (FD < 0)
    return Text;
  if (lseek(FD, 0, SEEK_SET) == 0) {
    char Chunk[65536];
    for (;;) {
      ssize_t N = read(FD, Chunk, sizeof Chunk);
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0)
        break;
      Text.append(Chunk, static_cast<size_t>(N));
    }
  }
  close(FD);
  return Text;
}

std::pair<size_t, IsolatedOutcome> waitAny(std::vector<IsolatedRun> &Running) {
  int Status = 0;
  pid_t Pid;
  do
    Pid = waitpid(-1, &Status, 0);
  while (Pid < 0 && errno == EINTR);
  size_t Index = 0;
  while (Index < Running.size() && Running[Index].Pid != Pid)
    ++Index;
  IsolatedOutcome Outcome;
  if (Index == Running.size())
    return {Index, Outcome};
  const IsolatedRun &Run = Running[Index];
  Outcome.Stderr = readAndClose(Run.StderrFD);
  std::string JSON = readAndClose(Run.ResultFD);
  if (WIFSIGNALED(Status)) {
    Outcome.InternalError = "internal error while checking '" + Run.File +
                            "': crashed (signal " +
                            std::to_string(WTERMSIG(Status)) +
                            "); the other files were checked";
    return {Index, Outcome};
  }
  auto Parsed = llvm::json::parse(JSON);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
  } else {
    Outcome.Result = unitResultFromJSON(*Parsed);
  }
  if (!Outcome.Result)
    Outcome.InternalError = "internal error while checking '" + Run.File +
                            "': no result (exit status " +
                            std::to_string(WEXITSTATUS(Status)) + ")";
  return {Index, Outcome};
}

} // namespace coro_tidy
