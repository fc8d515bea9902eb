//===--- LockFlow.h - which locks are held at a coroutine's suspensions --===//
//
// A forward dataflow over clang's CFG of a coroutine body computing, at every
// point, the set of lock objects (std::unique_lock and friends, classes with
// the `scoped_lockable` attribute) that may hold their mutex. Flow-sensitive:
// `unlock()`, `release()`, being moved from and leaving the scope release a
// lock; `lock()` and `try_lock*()` re-acquire it. The answer is, for each
// lock variable, the suspension points (co_await, co_yield) reached while it
// may be held.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_LOCKFLOW_H
#define CORO_TIDY_CHECKS_UTILS_LOCKFLOW_H

#include "Runtimes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace clang::tidy::coro::utils {

/// Which class types are locks, and which awaits do not suspend.
struct LockFlowOptions {
  /// Lock class (template) names, e.g. `std::unique_lock`. Classes derived
  /// from a listed class are locks too.
  QualifiedNameSet LockTypes;
  /// Awaitable or awaiter class names whose co_await is not a suspension.
  QualifiedNameSet AllowedAwaitables;
  /// Also treat classes with clang's `scoped_lockable` attribute as locks.
  bool ScopedLockable = true;
};

/// True if an object of type \p T (not a reference or pointer) is a lock.
bool isLockType(QualType T, const LockFlowOptions &Options);

/// True if the await or yield \p E may suspend the coroutine: its awaitable
/// is not listed in AllowedAwaitables and its awaiter's `await_ready()` is
/// not a constant `true` (std::suspend_never and look-alikes).
bool isSuspensionPoint(const CoroutineSuspendExpr *E,
                       const LockFlowOptions &Options);

/// A lock variable and the suspension points reached while it may be held,
/// in source order.
struct LockHeldAcrossSuspension {
  const VarDecl *Lock;
  llvm::SmallVector<const CoroutineSuspendExpr *, 4> Suspensions;
};

/// Runs the dataflow over the body of \p Coroutine (a function, method or
/// lambda call operator whose body is a CoroutineBodyStmt). Lambdas nested in
/// it are not part of it. Locals and by-value parameters of lock type are
/// tracked; the result is in declaration order.
std::vector<LockHeldAcrossSuspension>
findLocksHeldAcrossSuspension(const FunctionDecl *Coroutine, ASTContext &Ctx,
                              const LockFlowOptions &Options);

} // namespace clang::tidy::coro::utils

#endif
