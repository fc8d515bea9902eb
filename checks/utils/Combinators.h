//===--- Combinators.h - fail-fast and settled combinators ------*- C++ -*-===//
//
// Classification for coro-unhandled-gather and the settled-results flow:
// which co_await operand is a fail-fast or a settled combinator, whether its
// children produce values, and whether a statement is protected by a handler
// that catches what a combinator rethrows.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_COMBINATORS_H
#define CORO_TIDY_CHECKS_UTILS_COMBINATORS_H

#include "BodyParents.h"
#include "QualifiedNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace clang::tidy::coro::utils {

/// The names the analyses look for; defaults come from the preset table.
struct CombinatorVocabulary {
  QualifiedNameSet FailFast;       ///< Rethrow the first child failure.
  QualifiedNameSet Settled;        ///< Yield a value-or-error per child.
  QualifiedNameSet SettledTags;    ///< Tag types selecting the settled form.
  QualifiedNameSet CheckMethods;   ///< True when the result holds a value.
  QualifiedNameSet FailureMethods; ///< True/non-null when it holds an error.
  QualifiedNameSet Accessors;      ///< Rethrow when it holds an error.
};

enum class CombinatorKind { None, FailFast, Settled };

/// Classifies a call (through value wrappers) to a combinator: a name in
/// both lists is settled when its first argument has a settled tag type,
/// fail-fast otherwise.
CombinatorKind classifyCombinatorCall(const Expr *E,
                                      const CombinatorVocabulary &Vocab);

/// The combinator call awaited by \p Await: its operand through value
/// wrappers, or, when the operand is a local variable (optionally through
/// std::move), the call that initialised it (`auto l = collectAll(...);
/// co_await std::move(l);`). Null otherwise.
const CallExpr *awaitedCall(const CoawaitExpr *Await);

/// True if a combinator whose `co_await` yields \p T produces no values, so
/// a fail-fast failure discards nothing: `void` (asio `a && b` of two
/// `awaitable<void>`), or a non-empty std::tuple, or a std::vector, of the
/// runtimes' "no value" placeholders only (\p NoValueTypes, from
/// RuntimePreset::NoValueTypes: std::monostate for corio::gather of
/// Task<void>s, folly::Unit, drogon's std::false_type).
bool producesNoValue(QualType T, llvm::ArrayRef<std::string> NoValueTypes);

/// True if \p S runs inside the try block of a try statement of the same
/// function (not across a lambda) with a handler that catches any exception
/// a task can rethrow: `catch (...)` or `catch (std::exception&)` (or a
/// base class of std::exception). \p Parents maps the body holding \p S.
bool isInsideCatchingTry(const Stmt &S, const BodyParents &Parents,
                         ASTContext &Ctx);

} // namespace clang::tidy::coro::utils

#endif
