//===--- CoroTidyMain.cpp - the coro-tidy command line --------------------===//
//
// A drop-in for clang-tidy (same options where the meaning is the same)
// whose default check set is coro-*. Configuration, NOLINT, fixes, YAML
// export and filters all come from clang-tidy's library.
//
// Exit codes (docs/usage.md): 0 clean or warnings only; 1 warnings promoted
// by --warnings-as-errors, or compile errors; 2 usage, configuration or
// input errors; 3 internal error.
//
//===----------------------------------------------------------------------===//

#include "ChainGroups.h"
#include "Compilation.h"
#include "Config.h"
#include "ConfigExplain.h"
#include "ExitCodes.h"
#include "Findings.h"
#include "GitDiff.h"
#include "InputFiles.h"
#include "LspServer.h"
#include "Output.h"
#include "Report.h"
#include "ProjectAnalysis.h"
#include "ProjectIndex.h"
#include "ResultCache.h"
#include "Scheduler.h"
#include "StderrCapture.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include <thread>
#include <unistd.h>

using namespace clang::tidy;
using namespace llvm;

namespace clang::tidy::coro {
extern volatile int CoroModuleAnchorSource;
}
// Keeps the module's registration in the link.
[[maybe_unused]] static int CoroModuleAnchorDestination =
    clang::tidy::coro::CoroModuleAnchorSource;

namespace {
cl::OptionCategory Category("coro-tidy options");

cl::list<std::string> SourcePaths(cl::Positional, cl::desc("<source files>"),
                                  cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::desc("Build directory containing "
                                             "compile_commands.json"),
                               cl::Optional, cl::cat(Category));
cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated globs of checks to enable, added to the "
                    "configuration's (default: coro-*)"),
           cl::init(""), cl::cat(Category));
cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Globs of checks whose warnings are errors (exit code 1)"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regex of headers whose diagnostics are shown (default: none)"),
    cl::init(""), cl::cat(Category));
cl::opt<bool> SystemHeaders("system-headers",
                            cl::desc("Show diagnostics from system headers"),
                            cl::init(false), cl::cat(Category));
cl::opt<std::string> LineFilter(
    "line-filter",
    cl::desc("JSON list of {name, lines} to restrict diagnostics, as "
             "clang-tidy's --line-filter"),
    cl::init(""), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply suggested fixes"), cl::init(false),
                  cl::cat(Category));
cl::opt<bool> FixErrors("fix-errors",
                        cl::desc("Apply fixes even if compile errors occur"),
                        cl::init(false), cl::cat(Category));
cl::opt<bool> FixNotes("fix-notes", cl::desc("Apply fixes found in notes"),
                       cl::init(false), cl::cat(Category));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("YAML file to store suggested fixes in (clang-apply-"
             "replacements format)"),
    cl::value_desc("filename"), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Print only the diagnostics"),
                    cl::init(false), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List enabled checks"),
                         cl::init(false), cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config",
                         cl::desc("Print the effective configuration"),
                         cl::init(false), cl::cat(Category));
cl::opt<std::string> Config("config",
                            cl::desc("Configuration in YAML/JSON, as in "
                                     ".clang-tidy files"),
                            cl::init(""), cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file",
                                cl::desc("Read the configuration from this "
                                         "file"),
                                cl::init(""), cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Argument to append to the compiler "
                                         "command line"),
                                cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("Argument to prepend to the compiler command line"),
    cl::cat(Category));
cl::opt<bool> UseColor("use-color",
                       cl::desc("Colour diagnostics (default: when stdout is "
                                "a terminal)"),
                       cl::init(false), cl::cat(Category));
// clang-tidy 19's other options, which scripts forward.
cl::opt<bool> AllowNoChecks(
    "allow-no-checks",
    cl::desc("No error (exit 0) when no check is enabled"), cl::init(false),
    cl::cat(Category));
cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("Regex of headers whose diagnostics are not shown, applied "
             "after --header-filter"),
    cl::init(""), cl::cat(Category));
cl::opt<bool> EnableCheckProfile(
    "enable-check-profile",
    cl::desc("Print each check's run time per unit (to stderr)"),
    cl::init(false), cl::cat(Category));
cl::opt<std::string> StoreCheckProfile(
    "store-check-profile",
    cl::desc("With --enable-check-profile: write the profiles as JSON "
             "files under this prefix"),
    cl::value_desc("prefix"), cl::cat(Category));
cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the configuration (check names, option names) and exit"),
    cl::init(false), cl::cat(Category));
cl::opt<bool> ExplainConfig(
    "explain-config",
    cl::desc("For each enabled check, say which configuration enabled it"),
    cl::init(false), cl::cat(Category));
cl::opt<std::string> FormatStyle(
    "format-style",
    cl::desc("Style for formatting code around applied fixes (file, llvm, "
             "google, ... as clang-tidy)"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> VfsOverlay(
    "vfsoverlay",
    cl::desc("Overlay the virtual file system described by this YAML file "
             "over the real one"),
    cl::value_desc("filename"), cl::cat(Category));
cl::list<std::string> LoadPlugins(
    "load", cl::desc("Load a clang-tidy plugin (a module of extra checks)"),
    cl::value_desc("plugin"), cl::cat(Category));
cl::opt<bool> EnableModuleHeadersParsing(
    "enable-module-headers-parsing",
    cl::desc("Parse headers of C++20 modules' header units, as clang-tidy"),
    cl::init(false), cl::cat(Category));
cl::extrahelp ExitCodesHelp(R"(
Checks: the six coro-* checks (--list-checks), and the Clang Static
Analyzer's clang-analyzer-*, which run only when a glob names them; '*' means
the coro checks. clang-tidy's other modules are not part of coro-tidy
(--load a plugin to add checks).

Configuration is read from .clang-tidy files, as clang-tidy reads them. A
configuration that names no coro-* check leaves them on; unknown keys warn.
--enable-module-headers-parsing is accepted for clang-tidy's scripts; no coro
check needs it.

Exit codes: 0 clean or warnings only; 1 warnings promoted by
--warnings-as-errors, or a unit that does not compile; 2 usage,
configuration or input error; 3 internal error (a unit crashed; the others
were checked). See docs/usage.md.
)");
cl::opt<unsigned> Jobs("j",
                       cl::desc("Translation units checked in parallel "
                                "(default: all cores)"),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<std::string> FilesRegex(
    "files-regex",
    cl::desc("With no file arguments: only database files matching this"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> Exclude(
    "exclude", cl::desc("Skip input files matching this regex"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Result cache directory (default: <build dir>/.coro-tidy-cache)"),
    cl::init(""), cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Do not read or write the cache"),
                      cl::init(false), cl::cat(Category));
cl::opt<bool> ProjectAnalysis(
    "project-analysis",
    cl::desc("Follow blocking and loop-running chains into helpers defined "
             "in other units (default on). A run over some files uses the "
             "project index of the cache, as of the last run that checked "
             "each other unit: it is as fresh as those runs "
             "(docs/project-analysis.md)"),
    cl::init(true), cl::cat(Category));
cl::opt<unsigned> GroupChainsFrom(
    "group-chains-from",
    cl::desc("Report chains through helpers that end at the same blocking "
             "call once, at that call, when this many call sites in "
             "coroutines reach it (default 3; 0: report every site)"),
    cl::value_desc("sites"), cl::init(coro_tidy::DefaultGroupChainsFrom),
    cl::cat(Category));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Check only part K of N of the units (a fixed partition), for "
             "CI matrices; cross-file chains are reported by `coro-tidy "
             "merge` over the shards' --facts-out bundles"),
    cl::value_desc("K/N"), cl::init(""), cl::cat(Category));
cl::opt<std::string> FactsOut(
    "facts-out",
    cl::desc("Write this run's units, results and facts to a bundle for "
             "`coro-tidy merge`"),
    cl::value_desc("file"), cl::init(""), cl::cat(Category));
cl::opt<bool> Merge(
    "merge",
    cl::desc("The arguments are facts bundles (--facts-out) of shards: "
             "report what one run over all their units would (also "
             "spelled `coro-tidy merge <bundles>`)"),
    cl::init(false), cl::cat(Category));
cl::opt<std::string> Diff(
    "diff", cl::ValueOptional,
    cl::desc("Check only units touched by `git diff <rev>` (default HEAD) "
             "and report only changed lines"),
    cl::value_desc("git rev"), cl::cat(Category));
cl::opt<bool> PreCommit(
    "pre-commit",
    cl::desc("The pre-commit hook's mode: check the files given; report the "
             "lines changed by the commit (or between PRE_COMMIT_FROM_REF "
             "and PRE_COMMIT_TO_REF), or whole files when it gives files "
             "the change does not touch (run --all-files)"),
    cl::init(false), cl::cat(Category));
cl::opt<std::string> Format(
    "format",
    cl::desc("Output format: text, sarif (GitHub code scanning), json, "
             "codeclimate (GitLab Code Quality) or github (GitHub Actions "
             "annotations)"),
    cl::init("text"), cl::cat(Category));
cl::opt<std::string> SarifRoot(
    "sarif-root",
    cl::desc("Paths under this folder are reported relative to it in "
             "sarif, codeclimate and github output (default: the git top "
             "level, else the current folder)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> DocsUrl(
    "docs-url",
    cl::desc("Public address of the checks' documentation pages, for help "
             "links (default: " CORO_TIDY_DOCS_URL ")"),
    cl::value_desc("url"), cl::cat(Category));
cl::opt<bool> Lsp("lsp",
                  cl::desc("Run as a Language Server Protocol server on "
                           "stdin/stdout, beside clangd (docs/editors.md)"),
                  cl::init(false), cl::cat(Category));
cl::opt<std::string> Output("output",
                            cl::desc("Write the report to this file"),
                            cl::init(""), cl::cat(Category));

void printVersion(raw_ostream &OS) {
  OS << "coro-tidy " << CORO_TIDY_VERSION << " (LLVM " << LLVM_VERSION_STRING
     << ")\n";
}

int usageError(const Twine &Message) {
  WithColor::error(errs(), "coro-tidy") << Message << "\n";
  return coro_tidy::ExitUsage;
}

/// Parses the command line. llvm::cl prints some errors (a bad value for
/// -j) straight to stderr rather than to the stream it is given, over two
/// lines; capture both and keep the first line that says something.
bool parseCommandLine(std::vector<const char *> &Args, std::string &Error) {
  std::string Messages;
  bool Parsed = false;
  Messages += coro_tidy::captureStderr([&] {
    raw_string_ostream Stream(Messages);
    Parsed = cl::ParseCommandLineOptions(
        static_cast<int>(Args.size()), Args.data(),
        "coro-tidy: finds misuse of C++20 coroutines.\n\n"
        "  coro-tidy [options] <file>... [-- <compiler args>]\n",
        &Stream);
  });
  if (Parsed)
    return true;
  SmallVector<StringRef, 4> Lines;
  StringRef(Messages).split(Lines, '\n', -1, false);
  for (StringRef Line : Lines) {
    Line = Line.trim();
    Line.consume_front("coro-tidy: ");
    Line.consume_front("error: ");
    if (!Line.empty()) {
      Error = Line.str();
      return false;
    }
  }
  Error = "invalid command line";
  return false;
}

/// The folder machine-readable reports make paths relative to: \p Given,
/// else the git top level of the current folder, else the current folder.
std::string sourceRoot(StringRef Given) {
  SmallString<256> Root(Given);
  if (Root.empty()) {
    if (auto Top = coro_tidy::gitTopLevel())
      Root = *Top;
    else
      sys::fs::current_path(Root);
  }
  sys::fs::make_absolute(Root);
  SmallString<256> Real;
  if (!sys::fs::real_path(Root, Real))
    Root = Real;
  while (Root.size() > 1 && Root.back() == '/')
    Root.pop_back();
  return std::string(Root);
}

/// The project's root for the default header filter: the git work tree of
/// the first unit, or else the deepest folder holding every unit and the
/// folder its compile command runs in.
std::string projectRoot(const std::vector<std::string> &Files,
                        const clang::tooling::CompilationDatabase &DB) {
  if (Files.empty())
    return "";
  auto DirOf = [](StringRef File) {
    SmallString<256> Abs(File);
    sys::fs::make_absolute(Abs);
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    return std::string(sys::path::parent_path(Abs));
  };
  if (auto Top = coro_tidy::gitTopLevel(DirOf(Files.front())))
    return *Top;
  std::string Common = DirOf(Files.front());
  auto Include = [&](std::string Dir) {
    while (!Common.empty() &&
           !(StringRef(Dir) == Common ||
             StringRef(Dir).starts_with(Common + "/")))
      Common = std::string(sys::path::parent_path(Common));
  };
  for (const std::string &File : Files) {
    Include(DirOf(File));
    for (const auto &Command : DB.getCompileCommands(File)) {
      SmallString<256> Dir(Command.Directory);
      sys::fs::make_absolute(Dir);
      sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
      Include(std::string(Dir));
    }
  }
  return Common == "/" ? "" : Common;
}

/// An error for an invalid regular expression given as \p Option.
std::optional<std::string> invalidRegex(StringRef Option, StringRef Text) {
  std::string Why;
  if (Regex(Text).isValid(Why))
    return std::nullopt;
  return "invalid " + Option.str() + " regex '" + Text.str() + "': " + Why;
}

/// Warns about globs in --checks that name no check, as clang-tidy does.
void warnUnknownChecks(StringRef ChecksOption) {
  if (ChecksOption.empty())
    return;
  ClangTidyOptions Everything = ClangTidyOptions::getDefaults();
  Everything.Checks = "*";
  std::vector<std::string> Known = getCheckNames(Everything, false);
  SmallVector<StringRef, 8> Globs;
  ChecksOption.split(Globs, ',', -1, false);
  for (StringRef Glob : Globs) {
    Glob = Glob.trim();
    if (Glob.empty() || Glob.starts_with("-") ||
        Glob.starts_with("clang-diagnostic-"))
      continue;
    GlobList Single(Glob);
    bool Matched = llvm::any_of(
        Known, [&](const std::string &Name) { return Single.contains(Name); });
    if (!Matched)
      WithColor::warning(errs(), "coro-tidy")
          << "check glob '" << Glob << "' in --checks matches no check\n";
  }
}
} // namespace

/// What the report looks like (the same for a run and for a merge).
coro_tidy::OutputRequest reportRequest(const std::vector<std::string> &Files,
                                       const ClangTidyOptions &Effective,
                                       const char *Argv0) {
  coro_tidy::OutputRequest Report;
  Report.Format = Format;
  Report.OutputPath = Output;
  Report.ExportFixes = ExportFixes;
  // As in clang-tidy, --fix-notes and --fix-errors imply --fix.
  Report.Fix = Fix || FixErrors || FixNotes
                   ? (FixNotes ? FB_FixNotes : FB_Fix)
                   : FB_NoFix;
  Report.FixErrors = FixErrors;
  Report.ReplayCompilerMessages = !Quiet;
  Report.GroupChainsFrom = GroupChainsFrom;
  Report.Report.EnabledChecks = getCheckNames(Effective, false);
  Report.Report.Argv0 = Argv0;
  Report.Report.DocsBaseUrl = DocsUrl;
  Report.Report.SourceRoot = sourceRoot(SarifRoot);
  if (!Files.empty()) {
    SmallString<256> Main(Files.front());
    sys::fs::make_absolute(Main);
    Report.MainFile = std::string(Main);
  }
  return Report;
}

std::string absolutePath(StringRef File) {
  SmallString<256> Path(File);
  sys::fs::make_absolute(Path);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

/// Exit code of a finished report.
int exitCode(const coro_tidy::OutputSummary &Summary,
             const std::vector<std::string> &InternalErrors) {
  for (const std::string &Message : InternalErrors)
    WithColor::error(errs(), "coro-tidy") << Message << "\n";
  if (unsigned Count = Summary.WarningsAsErrors)
    errs() << Count << " warning" << (Count == 1 ? "" : "s")
           << " treated as error" << (Count == 1 ? "" : "s") << "\n";
  if (!InternalErrors.empty())
    return coro_tidy::ExitInternal;
  if (Summary.WarningsAsErrors || Summary.CompileErrors)
    return coro_tidy::ExitFindings;
  return coro_tidy::ExitClean;
}

/// Findings only the project graph shows, as one more "unit" for the
/// reporter (after every real unit, so -j never changes the order).
void reportCrossFile(coro_tidy::Reporter &Reporter,
                     const std::vector<coro_tidy::UnitFacts> &Units,
                     const std::vector<coro_tidy::UnitFacts> &Others,
                     const coro_tidy::ProviderFactory &MakeProvider,
                     bool KeepFixes) {
  std::vector<ClangTidyError> Errors =
      coro_tidy::crossFileFindings(Units, Others, MakeProvider, KeepFixes);
  if (Errors.empty() || Units.empty())
    return;
  coro_tidy::UnitOutcome Project;
  Project.File = Units.front().MainFile;
  Project.Result.emplace();
  Project.Result->Errors = std::move(Errors);
  Reporter.add(Project);
}

/// `coro-tidy merge`: the shards' units in their original order, then the
/// chains across all of them: what one run over every unit prints.
int mergeBundles(const std::vector<std::string> &Bundles,
                 coro_tidy::ConfigRequest ConfigReq,
                 const ClangTidyOptions &Effective, const char *Argv0) {
  if (Bundles.empty())
    return usageError("merge: no facts bundles given (write them with "
                      "--facts-out)");
  std::vector<coro_tidy::BundledUnit> Units;
  for (const std::string &Path : Bundles) {
    auto Read = coro_tidy::readFactsBundle(Path);
    if (!Read)
      return usageError(toString(Read.takeError()));
    for (coro_tidy::BundledUnit &U : *Read)
      Units.push_back(std::move(U));
  }
  llvm::stable_sort(Units, [](const auto &A, const auto &B) {
    return A.Position < B.Position;
  });
  Units.erase(std::unique(Units.begin(), Units.end(),
                          [](const auto &A, const auto &B) {
                            return A.Position == B.Position;
                          }),
              Units.end());
  std::vector<std::string> Files;
  for (const coro_tidy::BundledUnit &U : Units)
    Files.push_back(U.File);
  clang::tooling::FixedCompilationDatabase NoDatabase(".", {});
  ConfigReq.ProjectRoot = projectRoot(Files, NoDatabase);
  coro_tidy::ProviderFactory MakeProvider = [ConfigReq]() {
    return cantFail(coro_tidy::makeOptionsProvider(ConfigReq));
  };
  if (!Output.empty() && Format == "text")
    if (Error E = coro_tidy::redirectStdout(Output))
      return usageError(toString(std::move(E)));
  // The reporter keeps a reference to its request.
  coro_tidy::OutputRequest Request = reportRequest(Files, Effective, Argv0);
  coro_tidy::Reporter Reporter(Request, MakeProvider);
  std::vector<coro_tidy::UnitFacts> Facts;
  for (coro_tidy::BundledUnit &U : Units) {
    coro_tidy::UnitOutcome Outcome;
    Outcome.File = U.File;
    Outcome.CompilerMessages = U.Result.CompilerMessages;
    Facts.push_back({absolutePath(U.File), U.Result.Facts});
    Outcome.Result = std::move(U.Result);
    Reporter.add(Outcome);
  }
  bool KeepFixes = Fix || FixErrors || FixNotes || !ExportFixes.empty() ||
                   Format != "text";
  reportCrossFile(Reporter, Facts, {}, MakeProvider, KeepFixes);
  auto Summary = Reporter.finish();
  if (!Summary)
    return usageError(toString(Summary.takeError()));
  return exitCode(*Summary, {});
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  // Split off `-- <compiler args>` before llvm::cl sees them.
  std::vector<const char *> ToolArgs;
  coro_tidy::CompilationRequest Compilation;
  Compilation.Argv0 = argv[0];
  for (int I = 0; I < argc; ++I) {
    if (I == 1 && StringRef(argv[I]) == "merge") {
      ToolArgs.push_back("--merge");
      continue;
    }
    if (I > 0 && StringRef(argv[I]) == "--") {
      Compilation.HasFixedArgs = true;
      for (int J = I + 1; J < argc; ++J)
        Compilation.FixedArgs.push_back(argv[J]);
      break;
    }
    ToolArgs.push_back(argv[I]);
  }
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  std::string ParseError;
  if (!parseCommandLine(ToolArgs, ParseError))
    return usageError(ParseError + " (see --help)");
  for (const std::string &Plugin : LoadPlugins) {
    std::string Why;
    if (sys::DynamicLibrary::LoadLibraryPermanently(Plugin.c_str(), &Why))
      return usageError("cannot load plugin '" + Plugin +
                        "': " + StringRef(Why).split('\n').first);
  }
  if (!StoreCheckProfile.empty() && !EnableCheckProfile)
    return usageError("--store-check-profile needs --enable-check-profile");

  coro_tidy::ConfigRequest ConfigReq;
  if (Checks.getNumOccurrences())
    ConfigReq.Checks = Checks;
  if (WarningsAsErrors.getNumOccurrences())
    ConfigReq.WarningsAsErrors = WarningsAsErrors;
  if (HeaderFilter.getNumOccurrences())
    ConfigReq.HeaderFilter = HeaderFilter;
  if (SystemHeaders.getNumOccurrences())
    ConfigReq.SystemHeaders = SystemHeaders;
  if (UseColor.getNumOccurrences())
    ConfigReq.UseColor = UseColor;
  if (ExcludeHeaderFilter.getNumOccurrences())
    ConfigReq.ExcludeHeaderFilter = ExcludeHeaderFilter;
  if (FormatStyle.getNumOccurrences())
    ConfigReq.FormatStyle = FormatStyle;
  ConfigReq.LineFilter = LineFilter;
  ConfigReq.ConfigText = Config;
  ConfigReq.ConfigFile = ConfigFile;
  if (!Config.empty() && !ConfigFile.empty())
    return usageError("--config and --config-file are mutually exclusive");

  ConfigReq.PrintWarnings = true;
  auto Provider = coro_tidy::makeOptionsProvider(ConfigReq);
  ConfigReq.PrintWarnings = false;
  if (!Provider)
    return usageError(toString(Provider.takeError()));
  if (Lsp) {
    coro_tidy::lsp::ServerSettings Server;
    Server.Config = ConfigReq;
    Server.BuildPath = BuildPath;
    Server.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
    Server.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
    Server.DocsBaseUrl = DocsUrl;
    Server.Argv0 = argv[0];
    return coro_tidy::lsp::runLspServer(Server);
  }

  // --list-checks and --dump-config ignore file arguments, as clang-tidy
  // does (run-clang-tidy probes with `-list-checks ""`); the first real
  // file still chooses the configuration.
  bool Informational = ListChecks || DumpConfig || VerifyConfig ||
                       ExplainConfig;
  std::vector<std::string> Files, Bundles;
  (Merge ? Bundles : Files).assign(SourcePaths.begin(), SourcePaths.end());
  SmallString<256> ConfigAnchor;
  for (const std::string &File : Files)
    if (!File.empty() && File != "-") {
      ConfigAnchor = File;
      break;
    }
  if (ConfigAnchor.empty())
    sys::fs::current_path(ConfigAnchor), sys::path::append(ConfigAnchor, "-");
  sys::fs::make_absolute(ConfigAnchor);
  if (!Informational)
    for (const std::string &File : Files)
      if (Error E = coro_tidy::checkSourceFile(File))
        return usageError(toString(std::move(E)));
  if (!coro_tidy::isKnownFormat(Format))
    return usageError("unknown --format '" + Format +
                      "' (text, sarif, json, codeclimate or github)");
  std::optional<Regex> FilesFilter, ExcludeFilter;
  for (auto [Option, Filter] :
       {std::pair{&FilesRegex, &FilesFilter}, {&Exclude, &ExcludeFilter}}) {
    if (Option->empty())
      continue;
    if (auto Invalid = invalidRegex("--" + Option->ArgStr.str(), *Option))
      return usageError(*Invalid);
    Filter->emplace(*Option);
  }

  if (Config.empty() && ConfigFile.empty())
    for (const std::string &File :
         Informational || Files.empty()
             ? std::vector<std::string>{std::string(ConfigAnchor)}
             : Files)
      if (Error E = coro_tidy::checkConfigFor(File))
        return usageError(toString(std::move(E)));

  ClangTidyOptions Effective = (*Provider)->getOptions(ConfigAnchor);
  warnUnknownChecks(Checks);
  if (Effective.HeaderFilterRegex && !Effective.HeaderFilterRegex->empty())
    if (auto Invalid = invalidRegex("--header-filter",
                                    *Effective.HeaderFilterRegex))
      return usageError(*Invalid);

  if (VerifyConfig)
    return coro_tidy::verifyConfig(**Provider, ConfigAnchor, outs())
               ? coro_tidy::ExitClean
               : coro_tidy::ExitFindings;
  if (ExplainConfig) {
    coro_tidy::explainConfig(**Provider, ConfigAnchor, outs());
    return coro_tidy::ExitClean;
  }
  if (DumpConfig) {
    ClangTidyOptions Dump = Effective;
    ClangTidyOptions::OptionMap CheckOpts =
        getCheckOptions(Effective, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
    for (const auto &Entry : CheckOpts)
      Dump.CheckOptions.try_emplace(Entry.getKey(), Entry.getValue());
    outs() << configurationAsText(ClangTidyOptions::getDefaults().merge(
                  Dump, 0))
           << "\n";
    return coro_tidy::ExitClean;
  }
  if (ListChecks) {
    std::vector<std::string> Names = getCheckNames(Effective, false);
    outs() << "Enabled checks:";
    for (const std::string &Name : Names)
      outs() << "\n    " << Name;
    outs() << "\n\n";
    return coro_tidy::ExitClean;
  }

  if (Merge)
    return mergeBundles(Bundles, ConfigReq, Effective, argv[0]);
  if (Files.empty() && BuildPath.empty() && !Diff.getNumOccurrences())
    return usageError("no input files (give source files, or -p <build dir> "
                      "to check the whole compilation database; see --help)");
  if (getCheckNames(Effective, false).empty() && AllowNoChecks)
    return coro_tidy::ExitClean;
  if (getCheckNames(Effective, false).empty())
    return usageError("no checks enabled (--checks='" + Checks +
                      "' and the configuration select none)");

  std::optional<std::pair<unsigned, unsigned>> ShardPart;
  if (!Shard.empty()) {
    unsigned K = 0, N = 0;
    auto [Left, Right] = StringRef(Shard).split('/');
    if (Left.getAsInteger(10, K) || Right.getAsInteger(10, N) || N == 0 ||
        K == 0 || K > N)
      return usageError("--shard='" + Shard +
                        "' is not K/N with 1 <= K <= N (e.g. --shard=2/4)");
    ShardPart = {K, N};
  }

  // --diff: the changed lines, and the units they touch.
  std::optional<coro_tidy::ChangedLines> Changed;
  if (PreCommit) {
    // pre-commit hands over the files to check. With --from-ref/--to-ref
    // it says which commits; otherwise the staged change is the one against
    // HEAD (the empty tree on a first commit). When it hands over files the
    // change does not touch (`run --all-files`, `run --files`), the user
    // asked for those files: whole files are checked.
    const char *From = getenv("PRE_COMMIT_FROM_REF");
    const char *To = getenv("PRE_COMMIT_TO_REF");
    std::string Rev = From && *From && To && *To
                          ? std::string(From) + "..." + To
                          : std::string("HEAD");
    auto Lines = coro_tidy::changedLinesSince(Rev);
    if (!Lines)
      return usageError(toString(Lines.takeError()));
    bool AllChanged = llvm::all_of(Files, [&](const std::string &File) {
      SmallString<256> Abs(File);
      sys::fs::make_absolute(Abs);
      sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      return Lines->Files.count(Abs) > 0;
    });
    if (AllChanged)
      Changed = std::move(*Lines);
  } else if (Diff.getNumOccurrences()) {
    auto Lines = coro_tidy::changedLinesSince(Diff);
    if (!Lines)
      return usageError(toString(Lines.takeError()));
    Changed = std::move(*Lines);
  }

  Compilation.BuildPath = BuildPath;
  Compilation.FirstSource = Files.empty() ? "" : Files.front();
  if (Changed && Compilation.FirstSource.empty())
    for (const auto &Entry : Changed->Files)
      if (sys::fs::is_regular_file(Entry.getKey())) {
        // The database above the changed files, as for explicit files.
        Compilation.FirstSource = Entry.getKey().str();
        break;
      }
  Compilation.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Compilation.ExtraArgsBefore.assign(ExtraArgsBefore.begin(),
                                     ExtraArgsBefore.end());
  std::string Origin;
  auto Compilations = coro_tidy::loadCompilations(Compilation, Origin);
  if (!Compilations)
    return usageError(toString(Compilations.takeError()));

  if (!VfsOverlay.empty()) {
    if (auto Text = coro_tidy::readRegularFile(VfsOverlay, "--vfsoverlay");
        !Text)
      return usageError(toString(Text.takeError()));
    if (!coro_tidy::loadVfsOverlay(VfsOverlay, vfs::getRealFileSystem()))
      return usageError("--vfsoverlay '" + VfsOverlay +
                        "' is not a valid virtual file system overlay");
  }

  // Profiles are of checks that run: with them, nothing comes from the
  // cache.
  std::optional<coro_tidy::ResultCache> Cache;
  if (!NoCache && !EnableCheckProfile) {
    std::string Dir = CacheDir;
    if (Dir.empty() && !BuildPath.empty()) {
      SmallString<256> Default(BuildPath);
      if (!sys::fs::is_directory(Default))
        sys::path::remove_filename(Default);
      sys::path::append(Default, ".coro-tidy-cache");
      Dir = std::string(Default);
    }
    if (!Dir.empty()) {
      auto Opened = coro_tidy::ResultCache::open(Dir);
      if (!Opened)
        return usageError(toString(Opened.takeError()));
      Cache.emplace(std::move(*Opened));
    }
  }

  if (Files.empty()) {
    for (const std::string &File : (*Compilations)->getAllFiles())
      Files.push_back(File);
    llvm::sort(Files);
    Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  }
  coro_tidy::RunSettings Settings;
  Settings.Jobs = Jobs ? Jobs : std::max(1u, std::thread::hardware_concurrency());
  Settings.Unit.ProjectFacts = ProjectAnalysis || !FactsOut.empty();
  Settings.Unit.KeepFixes = Fix || FixErrors || FixNotes ||
                            !ExportFixes.empty() || Format != "text";
  Settings.Unit.Profile = EnableCheckProfile;
  Settings.Unit.ProfilePrefix = StoreCheckProfile;
  Settings.Unit.VfsOverlay = VfsOverlay;
  Settings.Unit.ModuleHeadersParsing = EnableModuleHeadersParsing;
  Settings.Progress = Quiet ? coro_tidy::ProgressStyle::None
                      : sys::Process::StandardErrIsDisplayed()
                          ? coro_tidy::ProgressStyle::Terminal
                          : coro_tidy::ProgressStyle::Lines;
  Settings.ReplayCompilerMessages = !Quiet;
  Settings.Argv0 = argv[0];
  ConfigReq.ProjectRoot = projectRoot(Files, **Compilations);
  coro_tidy::ProviderFactory MakeProvider = [ConfigReq]() {
    return cantFail(coro_tidy::makeOptionsProvider(ConfigReq));
  };
  if (Changed)
    Files = coro_tidy::unitsTouchedBy(*Changed, Files, Cache ? &*Cache : nullptr,
                                      MakeProvider, **Compilations, Settings,
                                      SourcePaths.empty());
  llvm::erase_if(Files, [&](const std::string &File) {
    if (FilesFilter && SourcePaths.empty() && !FilesFilter->match(File))
      return true;
    return ExcludeFilter && ExcludeFilter->match(File);
  });
  // Units from the database or --diff pass the same tests as files on the
  // command line, and their .clang-tidy files must parse (checked once per
  // directory).
  StringSet<> Directories;
  for (const std::string &File : Files) {
    if (SourcePaths.empty())
      if (Error E = coro_tidy::checkSourceFile(File, "database entry"))
        return usageError(toString(std::move(E)));
    if (Config.empty() && ConfigFile.empty() && SourcePaths.empty() &&
        Directories.insert(sys::path::parent_path(File)).second)
      if (Error E = coro_tidy::checkConfigFor(File))
        return usageError(toString(std::move(E)));
    // The compiler driver drops a file it cannot classify ("expected
    // exactly one compiler job"); say why instead.
    if (!coro_tidy::hasSourceExtension(File)) {
      bool HasLanguage = false;
      for (const auto &Command : (*Compilations)->getCompileCommands(File))
        HasLanguage |= llvm::any_of(Command.CommandLine, [](StringRef Arg) {
          return Arg == "-x" || (Arg.starts_with("-x") && Arg.size() > 2);
        });
      if (!HasLanguage)
        return usageError("'" + File +
                          "' has no C or C++ file extension (pass -x c++ "
                          "after --, or rename it)");
    }
  }

  if (!Output.empty() && Format == "text")
    if (Error E = coro_tidy::redirectStdout(Output))
      return usageError(toString(std::move(E)));

  coro_tidy::OutputRequest Report = reportRequest(Files, Effective, argv[0]);
  Report.Changed = Changed ? &*Changed : nullptr;
  // --shard=K/N: every N-th unit from the K-th, in the sorted order
  // every shard sees; positions are kept for the merge.
  std::vector<unsigned> Positions;
  {
    std::vector<std::string> Part;
    for (size_t I = 0; I < Files.size(); ++I)
      if (!ShardPart || I % ShardPart->second == ShardPart->first - 1) {
        Part.push_back(Files[I]);
        Positions.push_back(I);
      }
    Files = std::move(Part);
  }
  coro_tidy::Reporter Reporter(Report, MakeProvider);
  std::vector<coro_tidy::UnitFacts> Fresh;
  std::vector<coro_tidy::BundledUnit> Bundle;
  size_t Delivered = 0;
  coro_tidy::RunOutcome Outcome = coro_tidy::checkUnits(
      Files, MakeProvider, **Compilations, Cache ? &*Cache : nullptr, Settings,
      [&](coro_tidy::UnitOutcome &Unit) {
        unsigned Position = Positions[Delivered++];
        if (Unit.Result) {
          Fresh.push_back({absolutePath(Unit.File), Unit.Result->Facts});
          if (!FactsOut.empty())
            Bundle.push_back({Position, Unit.File, *Unit.Result});
        }
        Reporter.add(Unit);
      });
  // A shard sees part of the graph: its merge reports the chains.
  if (ProjectAnalysis && !ShardPart) {
    std::vector<coro_tidy::UnitFacts> Others;
    std::string IndexPath;
    if (Cache) {
      IndexPath = coro_tidy::projectIndexPath(Cache->directory());
      std::string Warning;
      Others = coro_tidy::readProjectIndex(IndexPath, Warning);
      if (!Warning.empty())
        WithColor::warning(errs(), "coro-tidy") << Warning << "\n";
    }
    StringSet<> Checked;
    for (const coro_tidy::UnitFacts &U : Fresh)
      Checked.insert(U.MainFile);
    std::vector<coro_tidy::UnitFacts> Rest;
    for (coro_tidy::UnitFacts &U : Others)
      if (!Checked.contains(U.MainFile))
        Rest.push_back(std::move(U));
    reportCrossFile(Reporter, Fresh, Rest, MakeProvider,
                    Settings.Unit.KeepFixes);
    if (Cache) {
      std::vector<std::string> DatabaseFiles = (*Compilations)->getAllFiles();
      if (Error E = coro_tidy::writeProjectIndex(
              IndexPath,
              coro_tidy::updatedIndex(std::move(Rest), Fresh, DatabaseFiles)))
        WithColor::warning(errs(), "coro-tidy")
            << toString(std::move(E)) << "\n";
    }
  }
  if (!FactsOut.empty())
    if (Error E = coro_tidy::writeFactsBundle(FactsOut, Bundle))
      return usageError(toString(std::move(E)));
  auto Summary = Reporter.finish();
  if (!Summary)
    return usageError(toString(Summary.takeError()));

  if (!Quiet && Cache && (Cache->hits() || Cache->misses()))
    errs() << "coro-tidy: " << Files.size() << " translation unit"
           << (Files.size() == 1 ? "" : "s") << ", " << Cache->hits()
           << " from the cache\n";
  return exitCode(*Summary, Outcome.InternalErrors);
}
