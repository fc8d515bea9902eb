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
// Two kinds of lock are not tracked, and one kind of suspension is not
// counted: a lock of an async mutex (one whose class has a member function
// returning an awaitable: it is acquired by co_await, holding it across
// suspensions is its purpose), a lock initialised from a co_await expression
// (acquired asynchronously), and a co_await whose operand hands the lock or
// its mutex to a call (`co_await cv.wait(lk)`: an async condition variable
// releases the mutex while suspended).
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_LOCKFLOW_H
#define CORO_TIDY_CHECKS_UTILS_LOCKFLOW_H

#include "Coroutines.h"
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

/// True if the class \p Mutex (or a base) has a member function whose return
/// type is awaitable: the mutex can be acquired by co_await (an async mutex).
bool isAsyncMutex(const CXXRecordDecl *Mutex,
                  CoroutineTypeClassifier &Classifier);

/// True if the lock variable \p Lock owns an async mutex: its lock type's
/// template arguments (or, for a non-template scoped_lockable class, the
/// mutexes its constructor's `acquire_capability` names) are all async
/// mutexes; or it is initialised from a co_await expression (acquired
/// asynchronously).
bool isAsyncLock(const VarDecl *Lock, const LockFlowOptions &Options,
                 CoroutineTypeClassifier &Classifier);

/// A lock variable and the suspension points reached while it may be held,
/// in source order.
struct LockHeldAcrossSuspension {
  const VarDecl *Lock;
  llvm::SmallVector<const CoroutineSuspendExpr *, 4> Suspensions;
};

/// Runs the dataflow over the body of \p Coroutine (a function, method or
/// lambda call operator whose body is a CoroutineBodyStmt). Lambdas nested in
/// it are not part of it. Locals and by-value parameters of lock type are
/// tracked, except async locks (isAsyncLock); the result is in declaration
/// order. A co_await whose operand passes a lock, or the mutex it was
/// constructed from, to a call is not a suspension point for that lock.
/// \p Classifier, if given, must belong to \p Ctx (it memoises across calls).
std::vector<LockHeldAcrossSuspension>
findLocksHeldAcrossSuspension(const FunctionDecl *Coroutine, ASTContext &Ctx,
                              const LockFlowOptions &Options,
                              CoroutineTypeClassifier *Classifier = nullptr);

} // namespace clang::tidy::coro::utils

#endif
