//===--- NameListOption.h - a `;`-separated list option and its Extra twin -===//

#ifndef CORO_TIDY_CHECKS_UTILS_NAMELISTOPTION_H
#define CORO_TIDY_CHECKS_UTILS_NAMELISTOPTION_H

#include "clang-tidy/ClangTidyCheck.h"
#include <string>
#include <vector>

namespace clang::tidy::coro::utils {

/// A check option holding a `;`-separated list of names, with a default.
/// `<Name>` replaces the list; `Extra<Name>` adds to it, so a project can
/// extend the runtime table's defaults without restating them. Both are
/// read once, when the check is made, and stored back by store().
class NameListOption {
public:
  NameListOption(const ClangTidyCheck::OptionsView &Options,
                 llvm::StringRef Name, llvm::StringRef Default);

  /// The names of the list and of its Extra twin.
  std::vector<std::string> names() const;

  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

private:
  std::string Name;
  std::string Value;
  std::string Extra;
};

} // namespace clang::tidy::coro::utils

#endif
