//===--- LockClassification.h - what is a lock, what suspends ---*- C++ -*-===//
//
// The facts coro-lock-across-suspend's dataflow (LockFlow.h) is built on,
// apart from the analysis: which types are locks (std::unique_lock and
// friends, classes with the `scoped_lockable` attribute), which mutexes are
// async (acquired by co_await), which awaits really suspend, and what a
// member call does to a lock.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_LOCKCLASSIFICATION_H
#define CORO_TIDY_CHECKS_UTILS_LOCKCLASSIFICATION_H

#include "Coroutines.h"
#include "ForwardDataflow.h"
#include "QualifiedNames.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::coro::utils {

/// Which class types are locks, and which awaits do not suspend.
struct LockFlowOptions {
  /// Lock class (template) names, e.g. `std::unique_lock`. Classes derived
  /// from a listed class are locks too.
  QualifiedNameSet LockTypes;
  /// Mutex class names whose own `lock()` / `try_lock()` (without a lock
  /// object) is tracked: `m.lock(); co_await x; m.unlock();`. Classes with
  /// clang's `capability` attribute are mutexes too.
  QualifiedNameSet MutexTypes;
  /// Awaitable or awaiter class names whose co_await is not a suspension.
  QualifiedNameSet AllowedAwaitables;
  /// Also treat classes with clang's `scoped_lockable` attribute as locks.
  bool ScopedLockable = true;
  /// The dataflow's bound (ForwardDataflow.h).
  unsigned VisitsPerBlock = DefaultVisitsPerBlock;
};

/// True if an object of type \p T (not a reference or pointer) is a lock.
bool isLockType(QualType T, const LockFlowOptions &Options);

/// True if an object of type \p T (not a reference or pointer) is a mutex
/// whose own `lock()` blocks: listed in MutexTypes (or derived from one), or
/// a `capability` class that is not itself a lock type; and not an async
/// mutex (isAsyncMutex).
bool isBlockingMutexType(QualType T, const LockFlowOptions &Options,
                         CoroutineTypeClassifier &Classifier);

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

/// \p E with the wrappers that only transport a value removed, including
/// explicit conversions to a non-reference type (`Lock(...)`).
const Expr *lockValue(const Expr *E);

/// True if the lock value \p E is the result of a co_await: acquired
/// asynchronously (`auto lk = co_await m.scoped_lock();`).
bool isAwaitedValue(const Expr *E);

/// True if \p FD, or the template it was instantiated from, has an
/// attribute of type \p AttrT (thread-safety annotations).
template <typename AttrT> bool hasAttrOrPattern(const FunctionDecl *FD) {
  if (FD->hasAttr<AttrT>())
    return true;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    return Pattern->hasAttr<AttrT>();
  return false;
}

/// What a member function does to the lock object it is called on.
enum class LockEffect { None, Acquire, Release, Swap };

/// The effect of \p MD: from its thread-safety attributes (release,
/// acquire, try-acquire capability), else from the std lock vocabulary
/// (`unlock`, `release`, `lock`, `try_lock*`, their shared forms, `swap`).
LockEffect methodEffect(const CXXMethodDecl *MD);

/// std::defer_lock_t.
bool isStdDeferLock(QualType T);

/// std::adopt_lock_t.
bool isStdAdoptLock(QualType T);

/// std::defer_lock_t, std::adopt_lock_t, std::try_to_lock_t.
bool isStdLockTag(QualType T);

} // namespace clang::tidy::coro::utils

#endif
