//===--- ConfigExplain.cpp ------------------------------------------------===//

#include "ConfigExplain.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang::tidy;

namespace coro_tidy {

/// Every check coro-tidy has, and every option they read.
static void knownChecksAndOptions(llvm::StringSet<> &Checks,
                                  llvm::StringSet<> &Options) {
  ClangTidyOptions Everything = ClangTidyOptions::getDefaults();
  Everything.Checks = "*";
  for (const std::string &Name : getCheckNames(Everything, false))
    Checks.insert(Name);
  for (const auto &Entry : getCheckOptions(Everything, false))
    Options.insert(Entry.getKey());
}

bool verifyConfig(ClangTidyOptionsProvider &Provider, llvm::StringRef File,
                  llvm::raw_ostream &OS) {
  llvm::StringSet<> Checks, Options;
  knownChecksAndOptions(Checks, Options);
  bool Clean = true;
  for (const auto &[Opts, Source] : Provider.getRawOptions(File)) {
    if (Source == ClangTidyOptionsProvider::OptionsSourceTypeDefaultBinary ||
        llvm::StringRef(Source).starts_with("coro-tidy ("))
      continue;
    if (Opts.Checks) {
      llvm::SmallVector<llvm::StringRef, 8> Globs;
      llvm::StringRef(*Opts.Checks).split(Globs, ',', -1, false);
      for (llvm::StringRef Glob : Globs) {
        Glob = Glob.trim();
        llvm::StringRef Pattern = Glob;
        Pattern.consume_front("-");
        if (Pattern.empty() || Pattern.starts_with("clang-diagnostic-"))
          continue;
        GlobList Single(Pattern);
        if (llvm::none_of(Checks.keys(), [&](llvm::StringRef Name) {
              return Single.contains(Name);
            })) {
          OS << "unknown check '" << Glob << "' in " << Source << "\n";
          Clean = false;
        }
      }
    }
    for (const auto &Entry : Opts.CheckOptions) {
      llvm::StringRef Key = Entry.getKey();
      if (Options.contains(Key))
        continue;
      llvm::StringRef Check = Key.rsplit('.').first;
      // Global options (no check prefix) and other tools' checks are not
      // ours to judge.
      if (!Key.contains('.') || !Checks.contains(Check))
        continue;
      OS << "unknown check option '" << Key << "' in " << Source << "\n";
      Clean = false;
    }
  }
  if (Clean)
    OS << "No config errors detected.\n";
  return Clean;
}

void explainConfig(ClangTidyOptionsProvider &Provider, llvm::StringRef File,
                   llvm::raw_ostream &OS) {
  std::vector<ClangTidyOptionsProvider::OptionsSource> Raw =
      Provider.getRawOptions(File);
  ClangTidyOptions Effective = Provider.getOptions(File);
  for (const std::string &Check : getCheckNames(Effective, false))
    for (const auto &[Opts, Source] : llvm::reverse(Raw))
      if (Opts.Checks && GlobList(*Opts.Checks).contains(Check)) {
        OS << "'" << Check << "' is enabled in the " << Source << ".\n";
        break;
      }
}

} // namespace coro_tidy
