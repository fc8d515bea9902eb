//===--- ColdPaths.cpp ----------------------------------------------------===//

#include "ColdPaths.h"
#include "Coroutines.h"
#include "ForwardDataflow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::coro::utils {

static bool callsNoReturn(const Expr *Call) {
  if (const FunctionDecl *Callee = getCalleeDecl(Call))
    return Callee->isNoReturn();
  return false;
}

llvm::DenseSet<const Expr *> coldCalls(const FunctionDecl *FD,
                                       llvm::ArrayRef<const Expr *> Calls) {
  llvm::DenseSet<const Expr *> Cold;
  if (!FD || !FD->getBody() || llvm::none_of(Calls, callsNoReturn))
    return Cold;
  std::unique_ptr<CFG> Graph =
      buildStatementCFG(FD, FD->getBody(), FD->getASTContext());
  if (!Graph)
    return Cold;

  // Which block each call is in, and the blocks that call a noreturn
  // function.
  llvm::DenseMap<const Stmt *, const CFGBlock *> BlockOf;
  std::vector<char> IsCold(Graph->getNumBlockIDs(), 0);
  std::vector<unsigned> WarmSuccessors(Graph->getNumBlockIDs(), 0);
  std::vector<const CFGBlock *> Work;
  for (const CFGBlock *B : *Graph) {
    bool Leaves = B->hasNoReturnElement();
    for (const CFGElement &E : *B)
      if (auto S = E.getAs<CFGStmt>()) {
        BlockOf[S->getStmt()] = B;
        if (const auto *Call = dyn_cast<Expr>(S->getStmt()))
          Leaves |= (isa<CallExpr>(Call) || isa<CXXConstructExpr>(Call)) &&
                    callsNoReturn(Call);
      }
    for (const CFGBlock *Succ : B->succs())
      if (Succ)
        ++WarmSuccessors[B->getBlockID()];
    if (Leaves) {
      IsCold[B->getBlockID()] = 1;
      Work.push_back(B);
    }
  }
  // Backwards: a block whose successors have all turned cold is cold.
  while (!Work.empty()) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    for (const CFGBlock *Pred : B->preds()) {
      if (!Pred || IsCold[Pred->getBlockID()])
        continue;
      unsigned &Warm = WarmSuccessors[Pred->getBlockID()];
      // One decrement per edge: a successor listed twice counts twice.
      if (Warm)
        --Warm;
      if (Warm == 0) {
        IsCold[Pred->getBlockID()] = 1;
        Work.push_back(Pred);
      }
    }
  }
  for (const Expr *Call : Calls) {
    auto It = BlockOf.find(Call);
    if (It != BlockOf.end() && IsCold[It->second->getBlockID()])
      Cold.insert(Call);
  }
  return Cold;
}

} // namespace clang::tidy::coro::utils
