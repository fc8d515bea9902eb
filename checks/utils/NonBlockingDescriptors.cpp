//===--- NonBlockingDescriptors.cpp ---------------------------------------===//

#include "NonBlockingDescriptors.h"
#include "BodyParents.h"
#include "Coroutines.h"
#include "ForwardDataflow.h"
#include "OwnBody.h"
#include "QualifiedNames.h"
#include "RuntimeCalls.h"
#include "ValueUse.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>
#include <vector>

namespace clang::tidy::coro::utils {

namespace {

/// A C function that makes a descriptor, and the argument holding the flag
/// that makes it non-blocking.
struct Creator {
  llvm::StringRef Function;
  unsigned FlagIndex;
  llvm::StringRef Flag;
};
const Creator Creators[] = {
    {"socket", 1, "SOCK_NONBLOCK"},   {"accept4", 3, "SOCK_NONBLOCK"},
    {"eventfd", 1, "EFD_NONBLOCK"},   {"timerfd_create", 1, "TFD_NONBLOCK"},
    {"signalfd", 2, "SFD_NONBLOCK"},  {"inotify_init1", 0, "IN_NONBLOCK"},
};

/// The C function \p Call calls, by name (C linkage or a system header, as
/// FunctionNameSet's bare names), or empty.
llvm::StringRef cFunction(const Expr *Call) {
  const auto *CE = dyn_cast_or_null<CallExpr>(Call);
  if (!CE || isa<CXXMemberCallExpr>(CE) || isa<CXXOperatorCallExpr>(CE))
    return {};
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !FD->getIdentifier() || isa<CXXMethodDecl>(FD))
    return {};
  if (!FD->isExternC() &&
      !FD->getASTContext().getSourceManager().isInSystemHeader(
          FD->getLocation()))
    return {};
  if (!FD->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return {};
  return FD->getName();
}

/// The local variable or parameter \p E names, through casts and parens.
const VarDecl *descriptorVar(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!Ref)
    return nullptr;
  const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
  return VD && VD->hasLocalStorage() ? VD : nullptr;
}

/// The descriptor a call works on: the object of a member call, else the
/// first argument.
const Expr *descriptorOperand(const Expr *Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return Member->getImplicitObjectArgument();
  if (const auto *CE = dyn_cast<CallExpr>(Call))
    if (CE->getNumArgs() > 0)
      return CE->getArg(0);
  return nullptr;
}

bool isAsioNonBlockingSwitch(const CXXMemberCallExpr *Member) {
  const CXXMethodDecl *Method = Member->getMethodDecl();
  return Method && Method->getIdentifier() && Member->getNumArgs() >= 1 &&
         (Method->getName() == "non_blocking" ||
          Method->getName() == "native_non_blocking") &&
         Member->getArg(0)->getType()->isBooleanType();
}

/// What a statement does to the non-blocking state of a descriptor: the
/// variable and whether it is non-blocking afterwards. Null when the
/// statement is no such event.
struct Event {
  const VarDecl *Var = nullptr;
  bool NonBlocking = false;
};

/// A descriptor made by \p Init: non-blocking if it is one of the creators
/// with its flag.
bool createsNonBlocking(const Expr *Init, const ASTContext &Ctx) {
  if (!Init)
    return false;
  const auto *CE = dyn_cast<CallExpr>(Init->IgnoreParenImpCasts());
  llvm::StringRef Name = cFunction(CE);
  if (Name.empty())
    return false;
  for (const Creator &C : Creators)
    if (Name == C.Function && CE->getNumArgs() > C.FlagIndex)
      return flagUse(CE->getArg(C.FlagIndex), C.Flag, Ctx) == FlagUse::Set;
  return false;
}

Event eventOf(const Stmt *S, const ASTContext &Ctx) {
  if (const auto *Decl = dyn_cast<DeclStmt>(S)) {
    if (Decl->isSingleDecl())
      if (const auto *VD = dyn_cast<VarDecl>(Decl->getSingleDecl()))
        if (VD->hasLocalStorage())
          return {VD, createsNonBlocking(VD->getInit(), Ctx)};
    return {};
  }
  if (const auto *Assign = dyn_cast<BinaryOperator>(S)) {
    if (Assign->getOpcode() == BO_Assign)
      if (const VarDecl *VD = descriptorVar(Assign->getLHS()))
        return {VD, createsNonBlocking(Assign->getRHS(), Ctx)};
    return {};
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    if (!isAsioNonBlockingSwitch(Member))
      return {};
    const VarDecl *VD = descriptorVar(Member->getImplicitObjectArgument());
    bool On = false;
    bool Known = Member->getArg(0)->EvaluateAsBooleanCondition(
        On, Ctx, /*InConstantContext=*/false);
    return {VD, Known && On};
  }
  const auto *CE = dyn_cast<CallExpr>(S);
  llvm::StringRef Name = cFunction(CE);
  if (Name == "fcntl" && CE->getNumArgs() >= 3 &&
      expandsFrom(CE->getArg(1)->getBeginLoc(), "F_SETFL", Ctx)) {
    // F_SETFL with flags we cannot read may have cleared O_NONBLOCK.
    return {descriptorVar(CE->getArg(0)),
            flagUse(CE->getArg(2), "O_NONBLOCK", Ctx) == FlagUse::Set};
  }
  if (Name == "ioctl" && CE->getNumArgs() >= 3 &&
      expandsFrom(CE->getArg(1)->getBeginLoc(), "FIONBIO", Ctx))
    return {descriptorVar(CE->getArg(0)), true};
  return {};
}

/// Whether a body makes any descriptor non-blocking: only then is the CFG
/// built.
class SwitchFinder : public OwnBodyVisitor<SwitchFinder> {
public:
  explicit SwitchFinder(const ASTContext &Ctx)
      : OwnBodyVisitor(&Ctx), Context(Ctx) {}
  bool VisitCallExpr(CallExpr *Call) {
    Event E = eventOf(Call, Context);
    Found = E.Var && E.NonBlocking;
    if (!Found)
      if (llvm::StringRef Name = cFunction(Call); !Name.empty())
        Found = createsNonBlocking(Call, Context);
    return !Found;
  }
  bool Found = false;

private:
  const ASTContext &Context;
};

class DescriptorDataflow {
public:
  /// The non-blocking descriptors, sorted.
  using State = std::vector<const VarDecl *>;

  DescriptorDataflow(const ASTContext &Ctx, llvm::DenseSet<const Expr *> &Out)
      : Ctx(Ctx), Out(Out) {}

  State initialState() const { return {}; }

  void transfer(const CFGBlock &Block, State &S, DataflowPass Pass) {
    for (const CFGElement &Element : Block) {
      std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
      if (!Statement)
        continue;
      const Stmt *St = Statement->getStmt();
      if (Pass == DataflowPass::Report)
        if (const auto *Call = dyn_cast<CallExpr>(St))
          if (const VarDecl *VD = descriptorVar(descriptorOperand(Call)))
            if (std::binary_search(S.begin(), S.end(), VD))
              Out.insert(Call);
      Event E = eventOf(St, Ctx);
      if (!E.Var)
        continue;
      auto It = std::lower_bound(S.begin(), S.end(), E.Var);
      bool Present = It != S.end() && *It == E.Var;
      if (E.NonBlocking && !Present)
        S.insert(It, E.Var);
      else if (!E.NonBlocking && Present)
        S.erase(It);
    }
  }

  void refine(const CFGBlock &, unsigned, State &) {}

  bool join(State &Into, const State &From) {
    State Both;
    std::set_intersection(Into.begin(), Into.end(), From.begin(), From.end(),
                          std::back_inserter(Both));
    bool Changed = Both.size() != Into.size();
    Into = std::move(Both);
    return Changed;
  }

private:
  const ASTContext &Ctx;
  llvm::DenseSet<const Expr *> &Out;
};

/// The body as written: a coroutine's without the runtime's implicit code.
const Stmt *writtenBody(const FunctionDecl *FD) {
  const Stmt *Body = FD->getBody();
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    return Coroutine->getBody();
  return Body;
}

llvm::DenseSet<const Expr *> callsOnNonBlocking(const FunctionDecl *FD) {
  llvm::DenseSet<const Expr *> Out;
  const Stmt *Body = writtenBody(FD);
  if (!Body)
    return Out;
  ASTContext &Ctx = FD->getASTContext();
  SwitchFinder Finder(Ctx);
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
  if (!Finder.Found)
    return Out;
  std::unique_ptr<CFG> Graph =
      buildStatementCFG(FD, const_cast<Stmt *>(Body), Ctx);
  if (!Graph)
    return Out;
  DescriptorDataflow Problem(Ctx, Out);
  // A gen/kill problem over a finite set: it settles far below the bound,
  // and a stopped solve would only leave calls reported.
  solveForward(*Graph, Problem);
  return Out;
}

/// The calls that make a descriptor.
bool makesDescriptor(llvm::StringRef Name) {
  return llvm::is_contained({"socket", "accept", "accept4", "open", "openat",
                             "creat", "eventfd", "timerfd_create", "signalfd",
                             "inotify_init1", "dup", "dup2", "dup3"},
                            Name);
}

/// The descriptor operations whose failure can say "would block".
bool isDescriptorOperation(llvm::StringRef Name) {
  return llvm::is_contained({"read", "write", "readv", "writev", "recv",
                             "recvfrom", "recvmsg", "send", "sendto",
                             "sendmsg", "connect", "accept", "accept4"},
                            Name);
}

/// True if \p E is `errno`.
bool isErrno(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (expandsFrom(E->getBeginLoc(), "errno", Ctx))
    return true;
  const auto *Deref = dyn_cast<UnaryOperator>(E);
  const auto *Call =
      Deref && Deref->getOpcode() == UO_Deref
          ? dyn_cast<CallExpr>(Deref->getSubExpr()->IgnoreParenImpCasts())
          : nullptr;
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->getIdentifier() &&
         Callee->getName() == "__errno_location";
}

/// True if \p E spells EAGAIN, EWOULDBLOCK or EINPROGRESS.
bool isWouldBlockCode(const Expr *E, const ASTContext &Ctx) {
  SourceLocation Loc = E->IgnoreParenImpCasts()->getBeginLoc();
  return expandsFrom(Loc, "EAGAIN", Ctx) ||
         expandsFrom(Loc, "EWOULDBLOCK", Ctx) ||
         expandsFrom(Loc, "EINPROGRESS", Ctx);
}

/// One walk of a body: its comparisons of errno with a would-block code,
/// and, per local variable, the calls whose results it receives.
class WouldBlockIndexer : public OwnBodyVisitor<WouldBlockIndexer> {
public:
  explicit WouldBlockIndexer(const ASTContext &Ctx)
      : OwnBodyVisitor(&Ctx), Ctx(Ctx) {}
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isEqualityOp() &&
        ((isErrno(Op->getLHS(), Ctx) && isWouldBlockCode(Op->getRHS(), Ctx)) ||
         (isErrno(Op->getRHS(), Ctx) && isWouldBlockCode(Op->getLHS(), Ctx))))
      Checks.push_back(Op);
    else if (Op->getOpcode() == BO_Assign)
      if (const VarDecl *Var = descriptorVar(Op->getLHS()))
        noteResult(Var, Op->getRHS());
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->hasLocalStorage() && Var->getInit())
      noteResult(Var, Var->getInit());
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    if (!Await->isImplicit())
      Suspensions.push_back(Await->getBeginLoc());
    return true;
  }

  llvm::SmallVector<const BinaryOperator *, 4> Checks;
  /// Where the body suspends (its written co_awaits).
  llvm::SmallVector<SourceLocation, 4> Suspensions;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> Results;

private:
  void noteResult(const VarDecl *Var, const Expr *Value) {
    if (const auto *Call = dyn_cast_or_null<CallExpr>(ignoreValueWrappers(Value)))
      Results[Var].push_back(Call);
  }
  const ASTContext &Ctx;
};

/// The local variables and calls a condition tests.
class ConditionOperands : public RecursiveASTVisitor<ConditionOperands> {
public:
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->hasLocalStorage())
        Vars.push_back(Var);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    Calls.push_back(Call);
    return true;
  }
  llvm::SmallVector<const VarDecl *, 4> Vars;
  llvm::SmallVector<const Expr *, 4> Calls;
};

/// The calls of \p FD's own body whose failure it handles as "would block":
/// the calls, and the calls whose results the variables receive, tested by
/// the nearest condition around each errno check that tests anything but
/// errno (the check's own condition, or an if it is under).
llvm::DenseSet<const Expr *> callsHandlingWouldBlock(const FunctionDecl *FD) {
  llvm::DenseSet<const Expr *> Out;
  const Stmt *Body = writtenBody(FD);
  if (!Body)
    return Out;
  const ASTContext &Ctx = FD->getASTContext();
  WouldBlockIndexer Index(Ctx);
  Index.TraverseStmt(const_cast<Stmt *>(Body));
  if (Index.Checks.empty())
    return Out;
  BodyParents Parents(Body);
  for (const BinaryOperator *Check : Index.Checks) {
    // The conditions around the check, innermost first: the one it is in,
    // then those of the ifs whose branches hold it.
    for (const Stmt *Up = Parents.parent(Check); Up; Up = Parents.parent(Up)) {
      const Expr *Condition = nullptr;
      if (const auto *If = dyn_cast<IfStmt>(Up))
        Condition = If->getCond();
      else if (const auto *While = dyn_cast<WhileStmt>(Up))
        Condition = While->getCond();
      if (!Condition)
        continue;
      ConditionOperands Operands;
      Operands.TraverseStmt(const_cast<Expr *>(Condition));
      // errno itself is a call (`*__errno_location()`).
      llvm::erase_if(Operands.Calls,
                     [&](const Expr *Call) { return isErrno(Call, Ctx); });
      if (Operands.Vars.empty() && Operands.Calls.empty())
        continue;
      Out.insert(Operands.Calls.begin(), Operands.Calls.end());
      // A variable given one call's result only: with several, which one
      // the check is about is a question of order.
      for (const VarDecl *Var : Operands.Vars) {
        auto It = Index.Results.find(Var);
        if (It != Index.Results.end() && It->second.size() == 1)
          Out.insert(It->second.front());
      }
      break;
    }
  }
  // A local the function makes itself (socket, accept, open...) is judged
  // by how it made it, not by the protocol; a copy of a descriptor made
  // elsewhere (`int fd = sock.native_handle();`) is not made here.
  // The protocol waits for readiness: a retry loop that never suspends
  // (`if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;`) is
  // written for blocking descriptors too.
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::DenseSet<const Expr *> Kept;
  for (const Expr *Call : Out) {
    if (llvm::none_of(Index.Suspensions, [&](SourceLocation Await) {
          return SM.isBeforeInTranslationUnit(Call->getBeginLoc(), Await);
        }))
      continue;
    const VarDecl *VD = descriptorVar(descriptorOperand(Call));
    auto It = VD && !isa<ParmVarDecl>(VD) ? Index.Results.find(VD)
                                           : Index.Results.end();
    if (It == Index.Results.end() ||
        llvm::none_of(It->second, [](const Expr *Made) {
          return makesDescriptor(cFunction(Made));
        }))
      Kept.insert(Call);
  }
  return Kept;
}

} // namespace

bool NonBlockingDescriptors::followsWouldBlockProtocol(
    const Expr *Call, const FunctionDecl *Caller) {
  if (!Caller || !isDescriptorOperation(cFunction(Call)))
    return false;
  auto It = WouldBlock.find(Caller);
  if (It == WouldBlock.end())
    It = WouldBlock.try_emplace(Caller, callsHandlingWouldBlock(Caller)).first;
  return It->second.contains(Call);
}

bool NonBlockingDescriptors::isNonBlocking(const Expr *Call) {
  const ASTContext *Ctx = nullptr;
  if (const auto *CE = dyn_cast<CallExpr>(Call)) {
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      Ctx = &Callee->getASTContext();
    // recv(fd, buf, n, MSG_DONTWAIT) and the other socket calls' flags.
    llvm::StringRef Name = cFunction(CE);
    unsigned FlagsIndex = llvm::StringSwitch<unsigned>(Name)
                              .Cases("recv", "send", "recvfrom", "sendto", 3)
                              .Cases("recvmsg", "sendmsg", 2)
                              .Default(~0u);
    if (Ctx && FlagsIndex < CE->getNumArgs() &&
        flagUse(CE->getArg(FlagsIndex), "MSG_DONTWAIT", *Ctx) ==
            FlagUse::Set)
      return true;
  }
  // A synchronous readiness wait waits whatever the descriptor's mode.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (const CXXMethodDecl *Method = Member->getMethodDecl())
      if (Method->getIdentifier() && Method->getName() == "wait")
        return false;
  const VarDecl *VD = descriptorVar(descriptorOperand(Call));
  if (!VD)
    return false;
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!Owner)
    return false;
  auto It = Cache.find(Owner);
  if (It == Cache.end())
    It = Cache.try_emplace(Owner, callsOnNonBlocking(Owner)).first;
  return It->second.contains(Call);
}

} // namespace clang::tidy::coro::utils
