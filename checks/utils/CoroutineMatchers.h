//===--- CoroutineMatchers.h - one match per coroutine definition ---------===//
//
// Checks that analyse whole coroutine bodies (blocking calls, loop runs,
// locks) want each coroutine exactly once: functions, methods, template
// instantiations and lambdas. Matching declarations rather than the body
// statement avoids building the parent map of the whole translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_COROUTINEMATCHERS_H
#define CORO_TIDY_CHECKS_UTILS_COROUTINEMATCHERS_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::coro::utils {

/// Registers \p Callback for every coroutine definition outside system
/// headers (whose findings are never shown).
void matchCoroutineDefinitions(ast_matchers::MatchFinder &Finder,
                               ast_matchers::MatchFinder::MatchCallback *Callback);

/// The coroutine a match from matchCoroutineDefinitions() found, or null
/// if it is not a coroutine, is a template pattern (checked in its
/// instantiations, where calls resolve), or was already returned: a lambda's
/// call operator is reached both as a declaration and through its expression.
const FunctionDecl *
matchedCoroutine(const ast_matchers::MatchFinder::MatchResult &Result,
                 llvm::DenseSet<const FunctionDecl *> &Seen);

} // namespace clang::tidy::coro::utils

#endif
