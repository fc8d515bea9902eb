//===--- SpawnedFutures.cpp -----------------------------------------------===//

#include "SpawnedFutures.h"
#include "CallChains.h"
#include "Coroutines.h"
#include "Runtimes.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/DenseMap.h"
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

  llvm::SmallVector<const CallExpr *, 4> Spawns;
  llvm::SmallVector<const CXXMemberCallExpr *, 4> Waits;
  forEachOwnCall(FD, [&](const CallStep &Step) {
    if (IsLoopFutureSpawn(Step)) {
      Spawns.push_back(cast<CallExpr>(Step.Call));
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

  // Where each spawned future goes: straight into .get()/.wait(), or into a
  // local variable (initialised or assigned).
  llvm::DenseMap<const VarDecl *, const CallExpr *> FutureVars;
  llvm::DenseMap<const CXXMemberCallExpr *, const CallExpr *> DirectWaits;
  for (const CallExpr *Spawn : Spawns) {
    DynTypedNode Node = DynTypedNode::create(*Spawn);
    for (unsigned Depth = 0; Depth < 8; ++Depth) {
      DynTypedNodeList Parents = Ctx.getParents(Node);
      if (Parents.size() != 1)
        break;
      const DynTypedNode &Parent = Parents[0];
      if (const auto *Var = Parent.get<VarDecl>()) {
        FutureVars.try_emplace(Var, Spawn);
        break;
      }
      if (const auto *Member = Parent.get<MemberExpr>()) {
        for (const DynTypedNode &Up : Ctx.getParents(*Member))
          if (const auto *Call = Up.get<CXXMemberCallExpr>())
            DirectWaits.try_emplace(Call, Spawn);
        break;
      }
      if (const auto *Op = Parent.get<CXXOperatorCallExpr>()) {
        if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
          if (const auto *Ref = dyn_cast<DeclRefExpr>(
                  Op->getArg(0)->IgnoreParenImpCasts()))
            if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
              FutureVars.try_emplace(Var, Spawn);
        break;
      }
      const auto *E = Parent.get<Expr>();
      if (!E || !(isa<ImplicitCastExpr>(E) || isa<ExprWithCleanups>(E) ||
                  isa<MaterializeTemporaryExpr>(E) ||
                  isa<CXXBindTemporaryExpr>(E) || isa<ParenExpr>(E) ||
                  isa<CXXConstructExpr>(E)))
        break;
      Node = Parent;
    }
  }

  for (const CXXMemberCallExpr *Wait : Waits) {
    const CallExpr *Spawn = nullptr;
    auto Direct = DirectWaits.find(Wait);
    if (Direct != DirectWaits.end()) {
      Spawn = Direct->second;
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(
                   Wait->getImplicitObjectArgument()->IgnoreImplicit())) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
        auto It = FutureVars.find(Var);
        if (It != FutureVars.end())
          Spawn = It->second;
      }
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
