//===--- Config.cpp -------------------------------------------------------===//

#include "Config.h"
#include "InputFiles.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
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

/// Parses \p Text; YAML errors become a one-line llvm::Error.
static llvm::Expected<ClangTidyOptions> parseStrict(llvm::StringRef Text,
                                                     llvm::StringRef Where) {
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
  std::optional<llvm::SMDiagnostic> FirstDiag;
  auto Handler = [&](const llvm::SMDiagnostic &Diag) {
    if (!FirstDiag && Diag.getKind() == llvm::SourceMgr::DK_Error)
      FirstDiag = Diag;
  };
  llvm::ErrorOr<ClangTidyOptions> Parsed = parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Text, Where), Handler);
  if (FirstDiag)
    return configError(Where, *FirstDiag);
  if (!Parsed)
    return llvm::createStringError(Parsed.getError(),
                                   "malformed configuration in '" + Where +
                                       "': " + Parsed.getError().message());
  // clang-tidy reads only the first document; a second one would be
  // ignored without a word.
  llvm::SourceMgr SM;
  SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Documents(Text, SM);
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
      auto Parsed = parseStrict(*Text, Config);
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

llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(const ConfigRequest &Request) {
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
    auto Parsed = parseStrict(ConfigText, ConfigWhere);
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
