//===--- Config.cpp -------------------------------------------------------===//

#include "Config.h"
#include "clang-tidy/GlobList.h"
#include "InputFiles.h"
#include "utils/ProjectFacts.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/WithColor.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang::tidy;

namespace coro_tidy {

static llvm::Error configError(llvm::StringRef Where,
                               const llvm::SMDiagnostic &Diag) {
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "malformed configuration in '" + Where + "' at line " +
          llvm::Twine(Diag.getLineNo()) + ": " + Diag.getMessage());
}

/// An upper bound on how deep YAML \p Text nests: open flow brackets plus,
/// on each line, its indentation and its block indicators (`- `, `? `,
/// `: `). Over-estimates, never under-estimates, so a bound on it keeps
/// LLVM's recursive YAML parser from overflowing the stack.
static unsigned yamlNestingBound(llvm::StringRef Text) {
  unsigned Flow = 0, Deepest = 0;
  char Quote = 0;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    unsigned Depth = Quote ? 0 : Line.size() - Line.ltrim(" ").size();
    for (size_t I = 0; I < Line.size(); ++I) {
      char C = Line[I];
      if (Quote) {
        if (C == '\\' && Quote == '"')
          ++I;
        else if (C == Quote)
          Quote = 0;
        continue;
      }
      bool SpaceAfter = I + 1 == Line.size() || Line[I + 1] == ' ';
      bool SpaceBefore = I == 0 || Line[I - 1] == ' ';
      if (C == '#' && SpaceBefore)
        break;
      if (C == '\'' || C == '"')
        Quote = C;
      else if (C == '[' || C == '{')
        ++Flow;
      else if ((C == ']' || C == '}') && Flow)
        --Flow;
      else if ((C == '-' || C == '?' || C == ':') && SpaceAfter)
        ++Depth;
    }
    Deepest = std::max(Deepest, Flow + Depth);
  }
  return Deepest;
}

/// A .clang-tidy is a few hundred bytes; LLVM's YAML mapping reader is
/// quadratic in the number of keys, so a huge file would stall the run.
static constexpr uint64_t MaxConfigBytes = 1 << 20;
static constexpr unsigned MaxConfigNesting = 256;

/// Errors of yaml::Input about a well-formed document that says something
/// clang-tidy 19 does not know: a key from a newer clang-tidy, a value of the
/// wrong type. clang-tidy warns and goes on; so does coro-tidy.
static bool isRecoverable(llvm::StringRef Message) {
  for (llvm::StringRef Prefix :
       {"unknown key", "invalid boolean", "invalid number", "not a sequence",
        "not a mapping", "unknown enumerated scalar", "invalid value"})
    if (Message.starts_with(Prefix))
      return true;
  return false;
}

/// \p Lines without the block-mapping entry on line \p Index and the more
/// indented lines of its value; false if that line is not such an entry
/// (flow style, a list item), which cannot be dropped on its own.
static bool dropEntry(std::vector<std::pair<unsigned, std::string>> &Lines,
                      size_t Index) {
  if (Index >= Lines.size())
    return false;
  llvm::StringRef Line = Lines[Index].second;
  llvm::StringRef Body = Line.ltrim(" ");
  size_t Indent = Line.size() - Body.size();
  size_t Colon = Body.find(':');
  if (Body.empty() || !llvm::isAlpha(Body.front()) ||
      Colon == llvm::StringRef::npos ||
      Body.take_front(Colon).find_first_of("{}[],") != llvm::StringRef::npos)
    return false;
  size_t End = Index + 1;
  while (End < Lines.size()) {
    llvm::StringRef Next = Lines[End].second;
    llvm::StringRef NextBody = Next.ltrim(" ");
    if (!NextBody.empty() && Next.size() - NextBody.size() <= Indent)
      break;
    ++End;
  }
  Lines.erase(Lines.begin() + Index, Lines.begin() + End);
  return true;
}

/// Parses \p Text; YAML errors become a one-line llvm::Error. Unknown keys
/// and values of the wrong type are dropped with a warning in \p Warnings,
/// so that the default applies, as clang-tidy does; broken YAML stays an
/// error.
static llvm::Expected<ClangTidyOptions>
parseStrict(llvm::StringRef Text, llvm::StringRef Where,
            std::vector<std::string> *Warnings = nullptr) {
  if (Text.size() > MaxConfigBytes)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "configuration '" + Where + "' is too large (" +
            llvm::Twine(Text.size()) + " bytes; the limit is " +
            llvm::Twine(MaxConfigBytes) + ")");
  if (yamlNestingBound(Text) > MaxConfigNesting)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "malformed configuration in '" + Where + "': nested deeper than " +
            llvm::Twine(MaxConfigNesting) + " levels");
  // The text being parsed, line by line, with each line's original number.
  std::vector<std::pair<unsigned, std::string>> Lines;
  {
    llvm::SmallVector<llvm::StringRef, 32> Split;
    Text.split(Split, '\n');
    for (size_t I = 0; I < Split.size(); ++I)
      Lines.emplace_back(I + 1, Split[I].str());
  }
  std::string Current = Text.str();
  llvm::ErrorOr<ClangTidyOptions> Parsed = ClangTidyOptions();
  for (unsigned Attempt = 0;; ++Attempt) {
    std::optional<llvm::SMDiagnostic> FirstDiag;
    auto Handler = [&](const llvm::SMDiagnostic &Diag) {
      if (!FirstDiag && Diag.getKind() == llvm::SourceMgr::DK_Error)
        FirstDiag = Diag;
    };
    Parsed = parseConfigurationWithDiags(
        llvm::MemoryBufferRef(Current, Where), Handler);
    if (!FirstDiag)
      break;
    size_t Index = FirstDiag->getLineNo() - 1;
    unsigned Original = Index < Lines.size() ? Lines[Index].first : 0;
    if (Attempt >= 64 || !isRecoverable(FirstDiag->getMessage()) ||
        !dropEntry(Lines, Index))
      return configError(Where, *FirstDiag);
    if (Warnings)
      Warnings->push_back("configuration '" + Where.str() + "' line " +
                          std::to_string(Original) + ": " +
                          FirstDiag->getMessage().str() +
                          "; ignored, the default applies");
    Current.clear();
    for (const auto &[Number, Line] : Lines)
      Current += Line + "\n";
  }
  if (!Parsed)
    return llvm::createStringError(Parsed.getError(),
                                   "malformed configuration in '" + Where +
                                       "': " + Parsed.getError().message());
  // clang-tidy reads only the first document; a second one would be
  // ignored without a word.
  llvm::SourceMgr SM;
  SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Documents(Current, SM);
  unsigned Count = 0;
  for (llvm::yaml::Document &Doc : Documents) {
    if (++Count > 1 && Doc.getRoot() &&
        !llvm::isa<llvm::yaml::NullNode>(Doc.getRoot()))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "malformed configuration in '" + Where +
              "': more than one YAML document (only one is read)");
    Doc.skip();
  }
  return std::move(*Parsed);
}

llvm::Error checkConfigurationText(llvm::StringRef Text,
                                  llvm::StringRef Where) {
  auto Parsed = parseStrict(Text, Where);
  if (!Parsed)
    return Parsed.takeError();
  return llvm::Error::success();
}

/// Parses configuration files without printing anything; errors are
/// reported once, up front, by checkConfigFor().
static llvm::ErrorOr<ClangTidyOptions> parseQuietly(llvm::MemoryBufferRef Buf) {
  auto Parsed = parseStrict(Buf.getBuffer(), Buf.getBufferIdentifier());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::make_error_code(std::errc::invalid_argument);
  }
  return std::move(*Parsed);
}

/// Prints each configuration warning once per run.
static void printWarnings(const std::vector<std::string> &Warnings) {
  static llvm::StringSet<> Printed;
  for (const std::string &Warning : Warnings)
    if (Printed.insert(Warning).second)
      llvm::WithColor::warning(llvm::errs(), "coro-tidy") << Warning << "\n";
}

llvm::Error checkConfigFor(llvm::StringRef File) {
  llvm::SmallString<256> Path(File);
  if (llvm::sys::fs::make_absolute(Path))
    return llvm::Error::success();
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  while (!Dir.empty()) {
    llvm::SmallString<256> Config(Dir);
    llvm::sys::path::append(Config, ".clang-tidy");
    llvm::sys::fs::file_status Status;
    if (!llvm::sys::fs::status(Config, Status) &&
        Status.type() != llvm::sys::fs::file_type::directory_file) {
      auto Text = readRegularFile(Config, "configuration");
      if (!Text)
        return Text.takeError();
      std::vector<std::string> Warnings;
      auto Parsed = parseStrict(*Text, Config, &Warnings);
      printWarnings(Warnings);
      if (!Parsed)
        return Parsed.takeError();
      // A file that does not inherit ends the search, as in clang-tidy.
      if (!Parsed->InheritParentConfig.value_or(false))
        break;
    }
    Dir = llvm::sys::path::parent_path(Dir);
  }
  return llvm::Error::success();
}

namespace {
/// FileOptionsProvider with our own .clang-tidy parser. Its
/// handler-taking constructor leaves the file system unset, so set it here.
class StrictFileOptionsProvider : public FileOptionsProvider {
public:
  using FileOptionsBaseProvider::ConfigFileHandlers;
  StrictFileOptionsProvider(ClangTidyGlobalOptions Global,
                            ClangTidyOptions Defaults,
                            ClangTidyOptions Overrides,
                            ConfigFileHandlers Handlers)
      : FileOptionsProvider(std::move(Global), std::move(Defaults),
                            std::move(Overrides), std::move(Handlers)) {
    FS = llvm::vfs::getRealFileSystem();
  }
};
} // namespace

/// --line-filter is JSON: check it with llvm::json first, so that a mistake
/// is one line naming what is wrong (clang-tidy's YAML reader prints the
/// offending text and a caret over several lines).
llvm::Error checkLineFilter(llvm::StringRef Text) {
  auto Bad = [](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "invalid --line-filter: " + Why);
  };
  auto Parsed = llvm::json::parse(Text);
  if (!Parsed)
    return Bad(llvm::toString(Parsed.takeError()));
  const llvm::json::Array *Files = Parsed->getAsArray();
  if (!Files)
    return Bad("expected a list of {\"name\": ..., \"lines\": [[a, b]]}");
  for (size_t I = 0; I < Files->size(); ++I) {
    const llvm::json::Object *File = (*Files)[I].getAsObject();
    std::string Which = "entry " + std::to_string(I + 1);
    if (!File || !File->getString("name"))
      return Bad(Which + ": expected an object with a string \"name\"");
    const llvm::json::Value *Lines = File->get("lines");
    if (!Lines)
      continue;
    const llvm::json::Array *Ranges = Lines->getAsArray();
    if (!Ranges)
      return Bad(Which + ": \"lines\" must be a list of [first, last]");
    for (const llvm::json::Value &Range : *Ranges) {
      const llvm::json::Array *Pair = Range.getAsArray();
      if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsUINT64() ||
          !(*Pair)[1].getAsUINT64())
        return Bad(Which + ": \"lines\" must be a list of [first, last]");
    }
  }
  return llvm::Error::success();
}

namespace {
/// coro-tidy's reading of the Checks globs, on top of clang-tidy's:
/// - a project keeps one .clang-tidy for both tools, so a configuration
///   that never names a coro-* check (`-*,bugprone-*`) leaves the coro
///   checks on; one that names them (`-coro-*`, `coro-blocking-call`) is
///   obeyed, and so is --checks;
/// - the only other checks coro-tidy has are the Clang Static Analyzer's;
///   they run only when a glob names them (`clang-analyzer-*`), never
///   through a bare `*`, which means "every coro check" as --list-checks
///   shows.
class CoroChecksProvider : public ClangTidyOptionsProvider {
public:
  CoroChecksProvider(std::unique_ptr<ClangTidyOptionsProvider> Inner,
                     std::string ProjectRoot)
      : Inner(std::move(Inner)), ProjectRoot(std::move(ProjectRoot)) {}
  const ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }
  std::vector<OptionsSource> getRawOptions(llvm::StringRef File) override {
    std::vector<OptionsSource> Sources = Inner->getRawOptions(File);
    auto IsCommandLine = [](const OptionsSource &S) {
      return S.second == OptionsSourceTypeCheckCommandLineOption;
    };
    auto Names = [&](llvm::StringRef Needle, bool IncludeCommandLine) {
      return llvm::any_of(Sources, [&](const OptionsSource &S) {
        return S.second != OptionsSourceTypeDefaultBinary &&
               (IncludeCommandLine || !IsCommandLine(S)) && S.first.Checks &&
               llvm::StringRef(*S.first.Checks).contains(Needle);
      });
    };
    bool ConfigNamesCoro = Names("coro-", /*IncludeCommandLine=*/false);
    // The project's own headers are reported unless a header filter is
    // given (by the command line or a configuration file), which then
    // decides alone, as in clang-tidy.
    bool FilterGiven = llvm::any_of(Sources, [](const OptionsSource &S) {
      return S.second != OptionsSourceTypeDefaultBinary &&
             (S.first.HeaderFilterRegex || S.first.ExcludeHeaderFilterRegex);
    });
    if (!FilterGiven && !ProjectRoot.empty()) {
      ClangTidyOptions Project;
      Project.HeaderFilterRegex = "^" + llvm::Regex::escape(ProjectRoot) + "/";
      Project.ExcludeHeaderFilterRegex = ThirdPartyFolders;
      Sources.insert(Sources.begin() + (Sources.empty() ? 0 : 1),
                     {std::move(Project),
                      "coro-tidy (the project's headers: under " +
                          ProjectRoot + ")"});
    }
    for (OptionsSource &S : Sources)
      if (S.first.Checks)
        S.first.Checks = withoutImplicitAnalyzer(*S.first.Checks);
    if (!ConfigNamesCoro) {
      ClangTidyOptions On;
      On.Checks = DefaultChecks;
      auto At = llvm::find_if(Sources, IsCommandLine);
      Sources.insert(At, {std::move(On), "coro-tidy (coro checks on: the "
                                         "configuration names none)"});
    }
    return Sources;
  }

  /// \p Checks with every positive glob that reaches the static analyzer
  /// without naming it (`*`, `c*`) followed by `-clang-analyzer-*`, so
  /// that only globs that say `clang-analyzer` enable it.
  static std::string withoutImplicitAnalyzer(llvm::StringRef Checks) {
    llvm::SmallVector<llvm::StringRef, 8> Globs;
    Checks.split(Globs, ',');
    std::string Result;
    for (llvm::StringRef Glob : Globs) {
      if (!Result.empty())
        Result += ",";
      Result += Glob.str();
      llvm::StringRef Trimmed = Glob.trim();
      if (Trimmed.empty() || Trimmed.starts_with("-") ||
          Trimmed.starts_with("clang-analyzer"))
        continue;
      if (GlobList(Trimmed).contains("clang-analyzer-core.DivideZero"))
        Result += ",-clang-analyzer-*";
    }
    return Result;
  }

private:
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
  std::string ProjectRoot;
};
} // namespace

static llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeClangTidyProvider(const ConfigRequest &Request);

llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(const ConfigRequest &Request) {
  auto Inner = makeClangTidyProvider(Request);
  if (!Inner)
    return Inner.takeError();
  return std::make_unique<CoroChecksProvider>(std::move(*Inner),
                                              Request.ProjectRoot);
}

/// clang-tidy's own providers, with coro-tidy's defaults and overrides.
static llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeClangTidyProvider(const ConfigRequest &Request) {
  ClangTidyGlobalOptions Global;
  if (!Request.LineFilter.empty())
    if (llvm::Error E = checkLineFilter(Request.LineFilter))
      return std::move(E);
  if (std::error_code EC = parseLineFilter(Request.LineFilter, Global))
    return llvm::createStringError(EC, "invalid --line-filter: " +
                                           EC.message());

  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = DefaultChecks;
  Defaults.HeaderFilterRegex = "";
  Defaults.SystemHeaders = false;

  ClangTidyOptions Overrides;
  if (Request.Checks)
    Overrides.Checks = *Request.Checks;
  if (Request.WarningsAsErrors)
    Overrides.WarningsAsErrors = *Request.WarningsAsErrors;
  if (Request.HeaderFilter)
    Overrides.HeaderFilterRegex = *Request.HeaderFilter;
  if (Request.SystemHeaders)
    Overrides.SystemHeaders = *Request.SystemHeaders;
  if (Request.UseColor)
    Overrides.UseColor = *Request.UseColor;
  if (Request.ExcludeHeaderFilter)
    Overrides.ExcludeHeaderFilterRegex = *Request.ExcludeHeaderFilter;
  if (Request.FormatStyle)
    Overrides.FormatStyle = *Request.FormatStyle;
  if (!Request.ProjectIndex.empty())
    for (const char *Check : clang::tidy::coro::utils::ChainChecks)
      Overrides.CheckOptions[std::string(Check) + ".ProjectIndex"] =
          ClangTidyOptions::ClangTidyValue(Request.ProjectIndex);

  std::string ConfigText = Request.ConfigText;
  std::string ConfigWhere = "--config";
  if (!Request.ConfigFile.empty()) {
    auto Text = readRegularFile(Request.ConfigFile, "--config-file");
    if (!Text)
      return Text.takeError();
    ConfigText = std::move(*Text);
    ConfigWhere = Request.ConfigFile;
  }
  if (!ConfigText.empty()) {
    std::vector<std::string> Warnings;
    auto Parsed = parseStrict(ConfigText, ConfigWhere, &Warnings);
    if (Request.PrintWarnings)
      printWarnings(Warnings);
    if (!Parsed)
      return Parsed.takeError();
    return std::make_unique<ConfigOptionsProvider>(
        std::move(Global), std::move(Defaults), std::move(*Parsed),
        std::move(Overrides));
  }
  StrictFileOptionsProvider::ConfigFileHandlers Handlers;
  Handlers.emplace_back(".clang-tidy", parseQuietly);
  return std::make_unique<StrictFileOptionsProvider>(
      std::move(Global), std::move(Defaults), std::move(Overrides),
      std::move(Handlers));
}

} // namespace coro_tidy
