//===--- Config.cpp -------------------------------------------------------===//

#include "Config.h"
#include "llvm/Support/FileSystem.h"
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

/// Parses \p Text; YAML errors become a one-line llvm::Error.
static llvm::Expected<ClangTidyOptions> parseStrict(llvm::StringRef Text,
                                                     llvm::StringRef Where) {
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
  return std::move(*Parsed);
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
    if (llvm::sys::fs::is_regular_file(Config)) {
      auto Buffer = llvm::MemoryBuffer::getFile(Config);
      if (!Buffer)
        return llvm::createStringError(Buffer.getError(),
                                       "cannot read '" + Config +
                                           "': " + Buffer.getError().message());
      auto Parsed = parseStrict((*Buffer)->getBuffer(), Config);
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

llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(const ConfigRequest &Request) {
  ClangTidyGlobalOptions Global;
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
    auto Buffer = llvm::MemoryBuffer::getFile(Request.ConfigFile);
    if (!Buffer)
      return llvm::createStringError(
          Buffer.getError(), "cannot read --config-file '" +
                                 Request.ConfigFile +
                                 "': " + Buffer.getError().message());
    ConfigText = (*Buffer)->getBuffer().str();
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
