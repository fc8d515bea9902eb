//===--- SettledResults.h - flow facts about combinator results --*- C++ -*-===//
//
// A CFG-based, path-sensitive search (ForwardDataflow.h) for settled
// results whose throwing accessor runs before the result was checked, in
// the spirit of bugprone-unchecked-optional-access. What a combinator and a
// result's check or accessor are comes from Combinators.h.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_SETTLEDRESULTS_H
#define CORO_TIDY_CHECKS_UTILS_SETTLEDRESULTS_H

#include "BodyParents.h"
#include "Combinators.h"
#include "ForwardDataflow.h"
#include "Runtimes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <string>
#include <vector>

namespace clang::tidy::coro::utils {

/// An accessor call on a settled result reached on a path where the result
/// was not checked first.
struct UncheckedAccess {
  const Expr *Access;      ///< The accessor call.
  std::string ResultName;  ///< How the result is spelled, e.g. `results[0]`.
  std::string Accessor;    ///< The accessor's name, e.g. `value`.
  const CallExpr *Origin;  ///< The settled combinator call it came from.
  bool KnownFailed;        ///< On this path the check said "failed".
};

/// Runs the flow analysis over the body of coroutine \p F. \p Parents, the
/// map of F's body, is built here when null and needed. \p Outcome, if
/// given, receives whether the solve converged (see ForwardDataflow.h).
std::vector<UncheckedAccess>
findUncheckedAccesses(const FunctionDecl &F, const CombinatorVocabulary &Vocab,
                      ASTContext &Ctx, const BodyParents *Parents = nullptr,
                      DataflowOutcome *Outcome = nullptr,
                      unsigned VisitsPerBlock = DefaultVisitsPerBlock);

} // namespace clang::tidy::coro::utils

#endif
