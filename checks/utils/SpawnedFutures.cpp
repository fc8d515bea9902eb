//===--- SpawnedFutures.cpp -----------------------------------------------===//

#include "SpawnedFutures.h"
#include "CallChains.h"
#include "Coroutines.h"
#include "Runtimes.h"
#include "ValueUse.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::coro::utils {

namespace {

/// Completion tokens that make co_spawn return a std::future.
const char *const UseFutureTokens[] = {"boost::asio::use_future_t",
                                       "asio::use_future_t"};

/// Executors whose threads are not the caller's event loop: blocking on a
/// task spawned there blocks but does not deadlock the loop.
const char *const OtherThreadExecutors[] = {
    "boost::asio::thread_pool",           "asio::thread_pool",
    "boost::asio::system_context",        "asio::system_context",
    "boost::asio::basic_system_executor", "asio::basic_system_executor",
};

/// True if \p RD or a class enclosing it is named in \p Names.
bool classOrOuterIn(const CXXRecordDecl *RD, const QualifiedNameSet &Names) {
  for (const DeclContext *DC = RD; DC; DC = DC->getParent()) {
    const auto *Record = dyn_cast<CXXRecordDecl>(DC);
    if (!Record)
      break;
    if (Names.matchesType(QualType(Record->getTypeForDecl(), 0)))
      return true;
  }
  return false;
}

bool isStdFuture(QualType T) {
  const CXXRecordDecl *RD = getRecord(T);
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == "future";
}

} // namespace

llvm::SmallVector<LoopFutureWait, 2> findLoopFutureWaits(const FunctionDecl *FD,
                                                         ASTContext &Ctx) {
  llvm::SmallVector<LoopFutureWait, 2> Result;
  if (!FD || !FD->getBody())
    return Result;
  QualifiedNameSet Tokens, OtherThreads;
  for (const char *Name : UseFutureTokens)
    Tokens.addName(Name);
  for (const char *Name : OtherThreadExecutors)
    OtherThreads.addName(Name);

  // co_spawn(executor, task, use_future) onto an executor that may be the
  // caller's loop.
  auto IsLoopFutureSpawn = [&](const CallStep &Step) {
    const auto *Call = dyn_cast<CallExpr>(Step.Call);
    if (!Call || Call->getNumArgs() < 2)
      return false;
    std::string Name = qualifiedName(Step.Callee);
    if (Name != "boost::asio::co_spawn" && Name != "asio::co_spawn")
      return false;
    // The completion token (trailing defaulted parameters aside).
    bool UseFuture = llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
      return !isa<CXXDefaultArgExpr>(Arg) && Tokens.matchesType(Arg->getType());
    });
    if (!UseFuture || !isStdFuture(Call->getType()))
      return false;
    if (const CXXRecordDecl *Executor = getRecord(Call->getArg(0)->getType()))
      if (classOrOuterIn(Executor, OtherThreads))
        return false;
    return true;
  };

  llvm::SmallPtrSet<const Expr *, 4> Spawns;
  llvm::SmallVector<const CXXMemberCallExpr *, 4> Waits;
  // `future = co_spawn(...)`: the variable and the assigned value.
  llvm::SmallVector<std::pair<const VarDecl *, const Expr *>, 4> Assignments;
  auto VarOf = [](const Expr *E) -> const VarDecl * {
    if (const auto *Ref =
            dyn_cast_or_null<DeclRefExpr>(ignoreValueWrappers(E)))
      return dyn_cast<VarDecl>(Ref->getDecl());
    return nullptr;
  };
  forEachOwnCall(FD, [&](const CallStep &Step) {
    if (isa<CXXDestructorDecl>(Step.Callee))
      return;
    if (IsLoopFutureSpawn(Step)) {
      Spawns.insert(Step.Call);
      return;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Step.Call)) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        if (const VarDecl *Var = VarOf(Op->getArg(0)))
          Assignments.push_back({Var, Op->getArg(1)});
      return;
    }
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Step.Call);
    if (!Member || !Step.Callee->getIdentifier())
      return;
    StringRef Method = Step.Callee->getName();
    if (Method != "get" && Method != "wait")
      return;
    // `wait()` is declared in a base class: look at the object itself.
    if (isStdFuture(
            Member->getImplicitObjectArgument()->IgnoreImplicit()->getType()))
      Waits.push_back(Member);
  });
  if (Spawns.empty() || Waits.empty())
    return Result;

  // The co_spawn call \p E is (through temporaries and moves), if any.
  auto SpawnOf = [&](const Expr *E) -> const CallExpr * {
    const Expr *Value = ignoreValueWrappers(E);
    return Value && Spawns.contains(Value) ? cast<CallExpr>(Value) : nullptr;
  };
  // Followed top-down (no parent map): the wait's object is the co_spawn
  // call itself, or a local variable initialised or assigned from one.
  for (const CXXMemberCallExpr *Wait : Waits) {
    const Expr *Object = Wait->getImplicitObjectArgument();
    const CallExpr *Spawn = SpawnOf(Object);
    if (!Spawn)
      if (const VarDecl *Var = VarOf(Object)) {
        if (Var->hasLocalStorage() && Var->getInit())
          Spawn = SpawnOf(Var->getInit());
        for (const auto &[Assigned, Value] : Assignments)
          if (!Spawn && Assigned == Var)
            Spawn = SpawnOf(Value);
      }
    if (Spawn)
      Result.push_back({Wait, Spawn});
  }
  return Result;
}

bool isLoopFutureWait(const Expr *Call, const FunctionDecl *FD,
                      ASTContext &Ctx) {
  if (!Call || !isa<CXXMemberCallExpr>(Call))
    return false;
  return llvm::any_of(findLoopFutureWaits(FD, Ctx),
                      [&](const LoopFutureWait &W) { return W.Wait == Call; });
}

} // namespace clang::tidy::coro::utils
