//===--- Coroutines.h - coroutine facts shared by the coro checks --------===//
//
// Semantic questions every coro check asks: is this type awaitable, is it a
// coroutine's return type (a task, or a synchronous generator), which
// coroutine does this statement run in. All answers come from the types and
// the AST, never from names, so they work for any runtime.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_COROUTINES_H
#define CORO_TIDY_CHECKS_UTILS_COROUTINES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::coro::utils {

/// How a type relates to coroutines.
enum class CoroutineTypeKind {
  None,          ///< Neither awaitable nor a coroutine return type.
  Awaitable,     ///< Awaitable but not a coroutine return type (an awaiter,
                 ///< a type with operator co_await, a spawned task handle).
  LazyTask,      ///< A coroutine return type that is awaitable and whose
                 ///< promise suspends initially and does nothing else
                 ///< (std::suspend_always): nothing runs until awaited.
  EagerTask,     ///< A coroutine return type that is awaitable and starts
                 ///< running at once.
  Task,          ///< A coroutine return type that is awaitable, of unknown
                 ///< start: its initial awaiter decides at run time, hands
                 ///< the coroutine to an executor, or cannot be read.
  TransformedTask, ///< A lazy coroutine return type with no awaiter of its
                   ///< own (folly::coro::Task): awaitable only where the
                   ///< awaiting coroutine's promise accepts it in
                   ///< await_transform (awaitableIn()); nothing runs until
                   ///< then.
  SyncGenerator, ///< A coroutine return type that is not awaitable
                 ///< (std::generator and friends, folly's AsyncGenerator,
                 ///< eager fire-and-forget types): never flag it.
};

/// True if \p Kind is an awaitable coroutine return type (a task).
inline bool isTaskKind(CoroutineTypeKind Kind) {
  return Kind == CoroutineTypeKind::LazyTask ||
         Kind == CoroutineTypeKind::EagerTask ||
         Kind == CoroutineTypeKind::Task ||
         Kind == CoroutineTypeKind::TransformedTask;
}

/// True if \p Kind is awaitable (awaiter, lazy, eager or other task) in
/// some coroutine: a TransformedTask only in those whose promise accepts it.
inline bool isAwaitableKind(CoroutineTypeKind Kind) {
  return Kind == CoroutineTypeKind::Awaitable || isTaskKind(Kind);
}

/// Classifies types; results are memoised per canonical type, so one
/// instance should live as long as the AST it is asked about.
class CoroutineTypeClassifier {
public:
  explicit CoroutineTypeClassifier(const ASTContext &Ctx) : Ctx(Ctx) {}

  CoroutineTypeKind classify(QualType T);
  bool isAwaitable(QualType T) { return isAwaitableKind(classify(T)); }

  /// The promise type of coroutine return type \p T: its nested
  /// `promise_type` or `std::coroutine_traits<T, ...>::promise_type`.
  const CXXRecordDecl *promiseType(QualType T);

  /// True if `co_await` of an operand of type \p T compiles in
  /// \p Coroutine: \p T is awaitable by itself, or the coroutine's promise
  /// accepts it in await_transform (promiseAccepts()).
  bool awaitableIn(QualType T, const FunctionDecl *Coroutine);

  /// True if \p T, a coroutine return type, is a synchronous generator
  /// (std::generator, cppcoro::generator): not awaitable, a promise with
  /// yield_value, and a begin() whose result is not awaitable (an
  /// asynchronous generator's begin() is awaited). Its body runs inside
  /// whatever iterates it, as a plain function's would.
  bool isSyncGenerator(QualType T);

private:
  CoroutineTypeKind classifyRecord(const CXXRecordDecl *RD);
  bool hasAwaiterMembers(const CXXRecordDecl *RD) const;
  bool hasMemberCoAwait(const CXXRecordDecl *RD) const;
  bool hasFreeCoAwait(const CXXRecordDecl *RD);
  CoroutineTypeKind initialStart(const CXXRecordDecl *Promise) const;
  /// True if \p Promise declares yield_value (it makes a generator).
  bool yields(const CXXRecordDecl *Promise) const;
  void collectFreeCoAwaitOperators(const DeclContext *DC);
  const ClassTemplateDecl *coroutineTraits();

  const ASTContext &Ctx;
  llvm::DenseMap<const Type *, CoroutineTypeKind> Cache;
  bool FreeOperatorsCollected = false;
  bool TraitsLookedUp = false;
  const ClassTemplateDecl *Traits = nullptr;
  llvm::SmallVector<const FunctionDecl *, 8> FreeCoAwaitOperators;
};

/// The await_transform overloads of \p Coroutine's promise (its own, or
/// those of the nearest base that declares any, through using-declarations
/// too); empty if it has none, so that `co_await x` awaits x itself.
llvm::SmallVector<const FunctionDecl *, 4>
promiseAwaitTransforms(const FunctionDecl *Coroutine);

/// True if one of the await_transform overloads \p Transforms accepts an
/// operand of class \p RD, judged as the compiler would without
/// instantiating anything new: a non-template overload taking \p RD or a
/// base of it; a template the compiler already instantiated for \p RD's
/// class template; or an unconstrained template taking any one operand
/// (`template <typename A> auto await_transform(A &&)`, folly's). Deleted
/// overloads (std::generator's) accept nothing.
bool promiseAccepts(llvm::ArrayRef<const FunctionDecl *> Transforms,
                    const CXXRecordDecl *RD);

/// The type \p T with references, cv-qualifiers and sugar removed, as a
/// class, or null.
const CXXRecordDecl *getRecord(QualType T);

/// True if \p Body is the body of a coroutine.
inline bool isCoroutineBody(const Stmt *Body) {
  return Body && isa<CoroutineBodyStmt>(Body);
}

/// True if \p FD (a function, method or lambda call operator) is a coroutine.
bool isCoroutine(const FunctionDecl *FD);

/// True if \p FD is a member of the awaiter protocol (`await_ready`,
/// `await_suspend`, `await_resume`: the names `co_await` looks up).
bool isAwaiterProtocolMember(const FunctionDecl *FD);

/// True if \p FD is a coroutine whose return type is a synchronous
/// generator (CoroutineTypeClassifier::isSyncGenerator). Give every call in
/// a translation unit the same \p Classifier: its walk for free
/// `operator co_await` then happens once.
bool isSyncGeneratorCoroutine(const FunctionDecl *FD,
                              CoroutineTypeClassifier &Classifier);

/// The function whose body \p S executes in: the innermost enclosing
/// function, method, or lambda call operator (a lambda nested in a coroutine
/// is its own scope: its body runs whenever the lambda is called). Null at
/// namespace scope.
const FunctionDecl *getEnclosingFunction(const Stmt &S, ASTContext &Ctx);

/// The coroutine whose body \p S executes in, or null when the innermost
/// enclosing function is not a coroutine.
const FunctionDecl *getEnclosingCoroutine(const Stmt &S, ASTContext &Ctx);

/// A readable name for \p FD in messages: `fetch_data`, `Client::get`, or
/// `lambda` for lambda call operators.
std::string describeFunction(const FunctionDecl *FD);

/// How messages name the expression \p E: its source text (in a macro
/// argument, the argument's own text, never the whole invocation), else a
/// name or pretty print from the AST.
std::string spelledText(const Expr *E, const ASTContext &Ctx);

/// How messages name the type \p T: as written (`Task<>`), unless the
/// spelling goes through an alias (`std::invoke_result_t<F>`,
/// `SemiFuture<lift_unit_t<StorageType>>`): then the class it names
/// (`folly::SemiFuture<int>`).
std::string spelledType(QualType T, const ASTContext &Ctx);

/// The callee of a call-like expression (call, member call, operator call,
/// or a constructor of the result); null if unknown.
const FunctionDecl *getCalleeDecl(const Expr *E);

/// Whether a variable is referenced anywhere inside a statement (implicit
/// code and template instantiations included). Each root is traversed once
/// and its referenced variables remembered, so asking about every local of a
/// body costs one walk of the body, not one per local.
class ReferencedVariables {
public:
  bool isReferencedIn(const VarDecl *Var, const Stmt *Root);
  void clear() { ByRoot.clear(); }

private:
  llvm::DenseMap<const Stmt *, llvm::DenseSet<const Decl *>> ByRoot;
};

} // namespace clang::tidy::coro::utils

#endif
