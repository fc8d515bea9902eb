//===--- ValueUse.h - where the value of an expression goes -----*- C++ -*-===//
//
// The one answer to "what happens to this value?" for every check: which
// wrappers only transport a value (parentheses, implicit casts, temporaries,
// cleanups, copies that elision leaves), which statement positions discard
// it, and which expression or declaration finally receives it.
//
// Climbing up (valueUse, isDiscardedValue) and stripping down
// (ignoreValueWrappers) use the same list of transports, so a value found
// by one is found by the other.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_VALUEUSE_H
#define CORO_TIDY_CHECKS_UTILS_VALUEUSE_H

#include "BodyParents.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::coro::utils {

/// True if \p E only transports the value of its operand: parentheses, an
/// implicit cast, a temporary's materialisation or binding, cleanups, a
/// constant wrapper, a no-op or converting-constructor functional cast, or a
/// one-argument copy, move or elidable construction.
bool isValueTransport(const Expr *E);

/// Strips the transports (isValueTransport) around \p E, down to the
/// expression that produced the value.
const Expr *ignoreValueWrappers(const Expr *E);

/// True if \p Child, a direct child of \p Parent, is in a position whose
/// value is discarded: a statement of a block (not the last one of a
/// statement expression's body), a branch of an if, the body of a loop, the
/// increment of a for, the statement of a case or a label, the left operand
/// of a comma. \p StmtExprBody says whether \p Parent is the body of a
/// statement expression.
bool isDiscardedPosition(const Stmt *Parent, const Stmt *Child,
                         bool StmtExprBody = false);

/// Calls \p Fn with each child of \p S in a discarded position.
void forEachDiscardedChild(const Stmt *S, bool StmtExprBody,
                           llvm::function_ref<void(const Expr *)> Fn);

/// Where a value ends up after its transports: the expression or statement
/// that receives it (User), or the declaration it initialises
/// (Declaration); both null at the root. Child is the outermost transport,
/// the direct child of User.
struct ValueUse {
  const Stmt *User = nullptr;
  const Decl *Declaration = nullptr;
  const Expr *Child = nullptr;
};

/// Climbs from \p E through its transports. \p Parents maps the body
/// holding \p E.
ValueUse valueUse(const Expr *E, const BodyParents &Parents);

/// True if the value of \p E is discarded: after its transports (and
/// attributes such as `[[likely]]`), it sits in a discarded position. A
/// value that initialises a declaration, or that an explicit cast receives
/// (`(void)f()` is a deliberate discard), is not discarded. The right
/// operand of a comma and the branches of a conditional operator pass their
/// value on to the whole expression.
bool isDiscardedValue(const Expr &E, const BodyParents &Parents);

/// True if \p E is a statement of its own: a direct child of a block, after
/// cleanups.
bool isExpressionStatement(const Expr &E, const BodyParents &Parents);

} // namespace clang::tidy::coro::utils

#endif
