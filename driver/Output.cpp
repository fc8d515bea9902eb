//===--- Output.cpp -------------------------------------------------------===//

#include "Output.h"
#include "ChainGroups.h"
#include "StderrCapture.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>
#include <unistd.h>

using namespace clang::tidy;

namespace coro_tidy {

static llvm::Error writeError(const llvm::Twine &What, std::error_code EC) {
  return llvm::createStringError(EC, "cannot write " + What + ": " +
                                         EC.message());
}

/// Flushes \p OS and turns a failed write into an error (clearing it, or
/// raw_fd_ostream would abort the process when it is destroyed).
static llvm::Error flushed(llvm::raw_fd_ostream &OS, const llvm::Twine &What) {
  OS.flush();
  if (!OS.has_error())
    return llvm::Error::success();
  std::error_code EC = OS.error();
  OS.clear_error();
  return writeError(What, EC);
}

bool isKnownFormat(llvm::StringRef Format) {
  return llvm::is_contained({"text", "sarif", "json", "codeclimate", "github"},
                            Format);
}

llvm::Error redirectStdout(llvm::StringRef Path) {
  int FD;
  if (std::error_code EC = llvm::sys::fs::openFileForWrite(Path, FD))
    return writeError("--output file '" + Path + "'", EC);
  llvm::outs().flush();
  dup2(FD, STDOUT_FILENO);
  close(FD);
  return llvm::Error::success();
}

static bool isCompileError(const ClangTidyError &E) {
  return E.DiagLevel == ClangTidyError::Error && !E.IsWarningAsError;
}

/// The findings of \p Unit that this run reports: on changed lines only
/// with --diff (compile errors always), and not already reported by an
/// earlier unit.
static std::vector<ClangTidyError>
reportedFindings(UnitOutcome &Unit, const ChangedLines *Changed,
                 std::set<std::tuple<std::string, std::string, unsigned>> &Seen,
                 SourcePositions &Positions) {
  std::vector<ClangTidyError> Kept;
  for (ClangTidyError &E : Unit.Result->Errors) {
    if (Changed && E.DiagLevel != ClangTidyError::Error) {
      unsigned Line = Positions.at(E.Message.FilePath, E.Message.FileOffset).Line;
      if (!Changed->contains(E.Message.FilePath, Line))
        continue;
    }
    // One finding per check and location, whichever unit or template
    // instantiation reached it first (the message may name another
    // instantiation's types).
    if (!Seen.insert({E.DiagnosticName, E.Message.FilePath,
                      E.Message.FileOffset})
             .second)
      continue;
    Kept.push_back(std::move(E));
  }
  return Kept;
}

struct Reporter::State {
  State(const OutputRequest &Request, const ProviderFactory &MakeProvider)
      : Request(Request), Context(MakeProvider()),
        BaseFS(new llvm::vfs::OverlayFileSystem(
            llvm::vfs::getRealFileSystem())),
        // Fixes are applied unit by unit, and a held chain would be printed
        // from the fixed files; --diff reports changed lines, and a shared
        // step is rarely one; a line filter is the user's own choice of
        // lines. Each of these reports every site.
        Grouping(Request.GroupChainsFrom > 1 && Request.Fix == FB_NoFix &&
                 !Request.Changed &&
                 Context.getGlobalOptions().LineFilter.empty()) {}
  const OutputRequest &Request;
  ClangTidyContext Context;
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS;
  std::set<std::tuple<std::string, std::string, unsigned>> Seen;
  SourcePositions Positions;
  std::vector<ClangTidyError> All;
  /// Chains that wait for every unit, to be grouped by finish().
  std::vector<ClangTidyError> Chains;
  /// The unit of the first of them (for the text report's context).
  std::string ChainsFile;
  const bool Grouping;
  /// The run's units, absolute: their findings are always reported.
  llvm::StringSet<> Units;
  OutputSummary Summary;

  /// Whether this run reports findings in \p File, as the units' own
  /// filters decide: a unit's main file, or a header that the header
  /// filter takes and the exclusion does not.
  bool reportable(llvm::StringRef File);

  /// Prints \p Errors of \p File as text (handleErrors also applies
  /// fixes) or counts them for the other formats, and keeps them for the
  /// machine-readable reports and --export-fixes.
  void report(std::vector<ClangTidyError> Errors, llvm::StringRef File);
};

Reporter::Reporter(const OutputRequest &Request,
                   const ProviderFactory &MakeProvider)
    : S(std::make_unique<State>(Request, MakeProvider)) {}

Reporter::~Reporter() = default;

void Reporter::State::report(std::vector<ClangTidyError> Errors,
                             llvm::StringRef File) {
  bool UnitHasCompileError = llvm::any_of(Errors, isCompileError);
  Summary.CompileErrors |= UnitHasCompileError;
  if (Request.Format == "text") {
    Context.setCurrentFile(File);
    // Like clang-tidy: no fixes for a unit that does not compile, unless
    // --fix-errors. handleErrors reports applied fixes under clang-tidy's
    // name.
    std::string Said = captureStderr([&] {
      handleErrors(Errors, Context,
                   UnitHasCompileError && !Request.FixErrors ? FB_NoFix
                                                             : Request.Fix,
                   Summary.WarningsAsErrors, BaseFS);
    });
    for (size_t At; (At = Said.find("clang-tidy applied")) != std::string::npos;)
      Said.replace(At, 10, "coro-tidy");
    llvm::outs().flush();
    llvm::errs() << Said;
  } else {
    Summary.WarningsAsErrors += llvm::count_if(
        Errors, [](const ClangTidyError &E) { return E.IsWarningAsError; });
  }
  All.insert(All.end(), Errors.begin(), Errors.end());
}

bool Reporter::State::reportable(llvm::StringRef File) {
  if (Units.contains(File))
    return true;
  Context.setCurrentFile(ChainsFile);
  const ClangTidyOptions &Options = Context.getOptions();
  std::string Take = Options.HeaderFilterRegex.value_or("");
  std::string Leave = Options.ExcludeHeaderFilterRegex.value_or("");
  return !Take.empty() && llvm::Regex(Take).match(File) &&
         (Leave.empty() || !llvm::Regex(Leave).match(File));
}

void Reporter::add(UnitOutcome &Unit) {
  const OutputRequest &Request = S->Request;
  if (Request.ReplayCompilerMessages)
    llvm::errs() << Unit.CompilerMessages;
  if (!Unit.Result)
    return;
  std::vector<ClangTidyError> Errors =
      reportedFindings(Unit, Request.Changed, S->Seen, S->Positions);
  if (S->Grouping) {
    llvm::SmallString<256> Main(Unit.File);
    llvm::sys::fs::make_absolute(Main);
    llvm::sys::path::remove_dots(Main, /*remove_dot_dot=*/true);
    S->Units.insert(Main);
    auto Chains = std::stable_partition(Errors.begin(), Errors.end(),
                                        [](const ClangTidyError &E) {
                                          return !isGroupableChain(E);
                                        });
    if (Chains != Errors.end() && S->Chains.empty())
      S->ChainsFile = Unit.File;
    std::move(Chains, Errors.end(), std::back_inserter(S->Chains));
    Errors.erase(Chains, Errors.end());
  }
  S->report(std::move(Errors), Unit.File);
}

llvm::Expected<OutputSummary> Reporter::finish() {
  const OutputRequest &Request = S->Request;
  if (!S->Chains.empty())
    S->report(groupSharedChains(std::move(S->Chains), Request.GroupChainsFrom,
                                [&](llvm::StringRef File) {
                                  return S->reportable(File);
                                }),
              S->ChainsFile);
  std::string Where = Request.OutputPath.empty()
                          ? std::string("the report to standard output")
                          : "--output file '" + Request.OutputPath + "'";
  if (Request.Format == "text") {
    if (llvm::Error E = flushed(llvm::outs(), Where))
      return std::move(E);
  } else {
    std::error_code EC;
    llvm::raw_fd_ostream OS(
        Request.OutputPath.empty() ? "-" : Request.OutputPath, EC,
        llvm::sys::fs::OF_None);
    if (EC)
      return writeError(Where, EC);
    if (Request.Format == "github") {
      OS << makeGithubAnnotations(S->All, Request.Report, S->Positions);
    } else {
      llvm::json::Value Report =
          Request.Format == "sarif"
              ? makeSarif(S->All, Request.Report, S->Positions)
          : Request.Format == "codeclimate"
              ? makeCodeClimate(S->All, Request.Report, S->Positions)
              : makeJson(S->All, S->Positions);
      OS << llvm::formatv("{0:2}", Report) << "\n";
    }
    if (llvm::Error E = flushed(OS, Where))
      return std::move(E);
  }
  if (!Request.ExportFixes.empty()) {
    std::string What = "--export-fixes file '" + Request.ExportFixes + "'";
    std::error_code EC;
    llvm::raw_fd_ostream OS(Request.ExportFixes, EC, llvm::sys::fs::OF_None);
    if (EC)
      return writeError(What, EC);
    exportReplacements(Request.MainFile, S->All, OS);
    if (llvm::Error E = flushed(OS, What))
      return std::move(E);
  }
  return S->Summary;
}

} // namespace coro_tidy
