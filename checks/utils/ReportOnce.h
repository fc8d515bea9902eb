//===--- ReportOnce.h - one finding per source location -------------------===//
//
// A check that analyses template instantiations sees the same source line
// once per instantiation (a line was printed 129 times in one real code
// base). Each check reports a location once per translation unit and kind
// of finding; the driver removes the same finding reached from other units.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_REPORTONCE_H
#define CORO_TIDY_CHECKS_UTILS_REPORTONCE_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseSet.h"
#include <utility>

namespace clang::tidy::coro::utils {

class ReportOnce {
public:
  /// True the first time \p Loc is reported with \p Kind. Instantiations
  /// of a template share the locations of its pattern.
  bool first(SourceLocation Loc, unsigned Kind = 0) {
    return Seen.insert({Loc.getRawEncoding(), Kind}).second;
  }
  void clear() { Seen.clear(); }

private:
  llvm::DenseSet<std::pair<unsigned, unsigned>> Seen;
};

} // namespace clang::tidy::coro::utils

#endif
