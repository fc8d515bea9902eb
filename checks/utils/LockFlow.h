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
#include "LockClassification.h"
#include "ForwardDataflow.h"
#include "Runtimes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace clang::tidy::coro::utils {

/// A lock variable, or a mutex locked without a lock object, and the
/// suspension points reached while it may be held, in source order.
struct LockHeldAcrossSuspension {
  /// The lock object; null for a mutex locked by its own `lock()`.
  const VarDecl *Lock;
  /// For a mutex locked by its own `lock()` / `try_lock()` (or by
  /// `std::lock`): the mutex expression at that call. Null for a lock object.
  const Expr *Mutex = nullptr;
  llvm::SmallVector<const CoroutineSuspendExpr *, 4> Suspensions;
};

/// Runs the dataflow over the body of \p Coroutine (a function, method or
/// lambda call operator whose body is a CoroutineBodyStmt). Lambdas nested in
/// it are not part of it. Locals and by-value parameters of lock type are
/// tracked, except async locks (isAsyncLock); the result is in declaration
/// order, followed by the mutexes locked by their own `lock()` in the order
/// of those calls. A co_await whose operand passes a lock, or the mutex it was
/// constructed from, to a call is not a suspension point for that lock.
/// \p Classifier, if given, must belong to \p Ctx (it memoises across calls).
/// \p Outcome, if given, receives whether the solve converged: when it did
/// not, the result covers only the paths reached and the caller says so.
std::vector<LockHeldAcrossSuspension>
findLocksHeldAcrossSuspension(const FunctionDecl *Coroutine, ASTContext &Ctx,
                              const LockFlowOptions &Options,
                              CoroutineTypeClassifier *Classifier = nullptr,
                              DataflowOutcome *Outcome = nullptr);

} // namespace clang::tidy::coro::utils

#endif
