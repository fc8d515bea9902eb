//===--- ExecutorFlow.h - where a coroutine runs, point by point -*- C++ -*-===//
//
// A coroutine that moves itself onto a thread pool made for blocking work
// (`co_await pool.schedule()`, `co_await concurrencpp::resume_on(
// background)`) is doing what Python's run_in_executor does: a blocking
// call there stalls no event loop. This is the forward dataflow, over
// clang's CFG of the coroutine body, of one fact: "the coroutine is on a
// blocking-allowed executor here, on every path".
//
// What moves a coroutine, from the runtime table (Runtimes.h):
// - an awaiter of ExecutorSwitchAwaiters, or any awaiter class nested in a
//   blocking executor: the coroutine resumes on that executor, and stays
//   there until the next switch (awaiting other tasks is assumed not to move
//   it: the awaited task runs, and usually completes, where it was started);
// - an operation awaited with a completion token bound to an executor
//   (asio::bind_executor, ExecutorBinders): it resumes there, but only until
//   its next suspension, because the next operation's token is the
//   coroutine's own again;
// - a promise of StartOnExecutorPromises: the coroutine starts on the
//   executor of the promise's first template argument
//   (concurrencpp's `result<T> f(executor_tag, std::shared_ptr<E>, ...)`);
// - its callers, for a coroutine lambda: a lambda that only spawn functions
//   given a pool start (ExecutorSpawns) starts there (ExecutorFacts).
// Joins are intersections: on a pool after the merge only if on a pool on
// every incoming path. A co_yield hands control to the consumer: unknown.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_EXECUTORFLOW_H
#define CORO_TIDY_CHECKS_UTILS_EXECUTORFLOW_H

#include "QualifiedNames.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::coro::utils {

/// The executor vocabulary: the runtime table's fields plus the check's
/// option for in-house pools.
struct ExecutorVocabulary {
  QualifiedNameSet BlockingExecutors;
  QualifiedNameSet SwitchAwaiters;
  QualifiedNameSet StartPromises;
  QualifiedNameSet Binders;
  /// ExecutorSpawns, each function's names as a set of their own.
  struct Spawn {
    QualifiedNameSet Functions;
    int Executor;
    unsigned Task;
  };
  std::vector<Spawn> Spawns;

  /// Every preset's entries, plus \p ExtraBlockingExecutors.
  static ExecutorVocabulary
  fromPresets(llvm::ArrayRef<std::string> BlockingExecutorNames);
};

/// What a suspension does to where the coroutine runs.
enum class ExecutorMove {
  None,           ///< Not a switch.
  ToBlocking,     ///< Resumes on a blocking-allowed executor, and stays.
  ToBlockingOnce, ///< Resumes there until its next suspension.
  Elsewhere,      ///< Resumes on another executor (an event loop, unknown).
};

/// How \p Suspend moves its coroutine.
ExecutorMove classifySuspension(const CoroutineSuspendExpr *Suspend,
                                const ExecutorVocabulary &V);

/// True if \p Coroutine's promise starts it on a blocking-allowed executor.
bool startsOnBlockingExecutor(const FunctionDecl *Coroutine,
                              const ExecutorVocabulary &V);

/// The statements of \p Coroutine's body (each call, construction and
/// operator call among them) evaluated, on every path that reaches them,
/// while the coroutine is on a blocking-allowed executor, when it starts on
/// one if \p StartsOnBlocking and on its promise's executor otherwise
/// (startsOnBlockingExecutor). Empty, without building a CFG, when the
/// coroutine neither starts on one nor switches. Linear in the size of the
/// body's CFG.
llvm::DenseSet<const Stmt *>
statementsOnBlockingExecutor(const FunctionDecl *Coroutine,
                             const ExecutorVocabulary &V,
                             bool StartsOnBlocking = false);

/// Where the coroutines of one translation unit start and run, including
/// what their callers decide. A coroutine lambda runs on a blocking-allowed
/// executor when every use of it starts it on one: given to a spawn
/// function with such an executor (ExecutorSpawns: `asio::co_spawn(pool,
/// f, detached)`, `tp->spawn_joinable(f())`), directly or through the local
/// variable it initialises, or called and awaited (`co_await f()`) where
/// the awaiting coroutine runs on one. Any other use (a copy, a capture, a
/// call elsewhere) leaves it where it was. A named coroutine with internal
/// linkage (static, in an anonymous namespace) is judged the same way by
/// its references, all of which are in this translation unit; one that
/// other units can call is not. Memoized per coroutine and per enclosing
/// body, so each body is indexed once, and the unit's references to
/// internal coroutines are collected in one walk: reset() it per
/// translation unit.
class ExecutorFacts {
public:
  explicit ExecutorFacts(const ExecutorVocabulary &V);
  ~ExecutorFacts();

  /// statementsOnBlockingExecutor(), starting where startsOnBlocking says.
  const llvm::DenseSet<const Stmt *> &
  statementsOnBlockingExecutor(const FunctionDecl *Coroutine);
  /// True if \p Coroutine starts on a blocking-allowed executor: its
  /// promise starts it there, or its callers do.
  bool startsOnBlocking(const FunctionDecl *Coroutine);
  void reset();

  /// A reference to a coroutine, and the function whose body holds it (null
  /// outside any body).
  struct Reference {
    const Expr *Ref;
    const FunctionDecl *Enclosing;
  };

private:
  struct BodyIndex;
  const BodyIndex *indexOf(const FunctionDecl *F);
  bool lambdaStartsOnBlocking(const CXXMethodDecl *CallOperator);
  bool callersStartOnBlocking(const FunctionDecl *Coroutine);
  bool useStartsOnBlocking(const Expr *Use, const FunctionDecl *Enclosing,
                           const BodyIndex &Index);
  bool spawnsOnBlocking(const Stmt *User, const Expr *Child) const;
  /// \p Call starts its object, a task, on a blocking-allowed executor
  /// (an ExecutorSpawn whose Task is ObjectTask).
  bool spawnsObjectOnBlocking(const CXXMemberCallExpr *Call) const;

  const ExecutorVocabulary &V;
  llvm::DenseMap<const FunctionDecl *,
                 std::unique_ptr<llvm::DenseSet<const Stmt *>>>
      OnPool;
  llvm::DenseMap<const FunctionDecl *, bool> Starts;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<BodyIndex>> Indexes;
  /// Per internal coroutine (canonical declaration), its references.
  std::optional<llvm::DenseMap<const FunctionDecl *,
                               llvm::SmallVector<Reference, 2>>>
      InternalReferences;
};

} // namespace clang::tidy::coro::utils

#endif
