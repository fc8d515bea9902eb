//===--- Config.h - coro-tidy's configuration, through clang-tidy's -------===//

#ifndef CORO_TIDY_DRIVER_CONFIG_H
#define CORO_TIDY_DRIVER_CONFIG_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>

namespace coro_tidy {

struct ConfigRequest {
  std::optional<std::string> Checks;
  std::optional<std::string> WarningsAsErrors;
  std::optional<std::string> HeaderFilter;
  std::optional<bool> SystemHeaders;
  std::optional<bool> UseColor;
  std::optional<std::string> ExcludeHeaderFilter;
  std::optional<std::string> FormatStyle;
  /// The project's root folder (absolute): with no header filter from the
  /// command line or a configuration, headers under it are reported, minus
  /// third-party folders (ThirdPartyFolders).
  std::string ProjectRoot;
  std::string LineFilter;
  std::string ConfigText; ///< --config
  std::string ConfigFile; ///< --config-file
  /// A project index (docs/project-analysis.md) the chain checks read
  /// themselves, as the plugin's ProjectIndex option: the language server
  /// checks one buffer and gets cross-file chains this way.
  std::string ProjectIndex;
  /// Print configuration warnings (unknown keys): in the parent process
  /// only, once.
  bool PrintWarnings = false;
};

/// Folders under the project root whose headers are not the project's.
inline constexpr const char *ThirdPartyFolders =
    "/(third_party|third-party|thirdparty|vendor|external|deps|_deps)/";

/// The default check set of the standalone tool.
inline constexpr const char *DefaultChecks = "coro-*";

/// An options provider that reads `.clang-tidy` files like clang-tidy does
/// (or the --config / --config-file given), with command-line overrides.
/// Unlike clang-tidy, a malformed configuration is an error, reported by
/// checkConfigFor() in one line, not a warning followed by a silent default.
llvm::Expected<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>>
makeOptionsProvider(const ConfigRequest &Request);

/// Parses \p Text as a .clang-tidy configuration; the first problem as a
/// one-line error (\p Where names it).
llvm::Error checkConfigurationText(llvm::StringRef Text, llvm::StringRef Where);

/// Checks --line-filter's JSON; the first problem as a one-line error.
llvm::Error checkLineFilter(llvm::StringRef Text);

/// Reads every configuration file that applies to \p File and returns the
/// first parse error, if any.
llvm::Error checkConfigFor(llvm::StringRef File);

} // namespace coro_tidy

#endif
