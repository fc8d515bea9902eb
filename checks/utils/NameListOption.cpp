//===--- NameListOption.cpp -----------------------------------------------===//

#include "NameListOption.h"
#include "Runtimes.h"

namespace clang::tidy::coro::utils {

NameListOption::NameListOption(const ClangTidyCheck::OptionsView &Options,
                               llvm::StringRef Name, llvm::StringRef Default)
    : Name(Name.str()), Value(Options.get(Name, Default).str()),
      Extra(Options.get(("Extra" + Name).str(), "").str()) {}

std::vector<std::string> NameListOption::names() const {
  std::vector<std::string> Names = parseNameList(Value);
  std::vector<std::string> More = parseNameList(Extra);
  Names.insert(Names.end(), More.begin(), More.end());
  return Names;
}

void NameListOption::store(const ClangTidyCheck::OptionsView &Options,
                           ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, Name, Value);
  Options.store(Opts, "Extra" + Name, Extra);
}

} // namespace clang::tidy::coro::utils
