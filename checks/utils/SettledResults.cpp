//===--- SettledResults.cpp -----------------------------------------------===//

#include "SettledResults.h"
#include "Coroutines.h"
#include "ForwardDataflow.h"
#include "OwnBody.h"
#include "QualifiedNames.h"
#include "ValueUse.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

namespace clang::tidy::coro::utils {

//===-- The flow analysis --------------------------------------------------===//

namespace {

/// A settled result as a storage path: a variable (or structured binding)
/// and element selectors (`#0` for std::get<0> or [0], `@<decl>` for an
/// index variable). `*` as the path stands for every element of the root.
struct Key {
  const ValueDecl *Root = nullptr;
  std::string Path;
  bool operator<(const Key &O) const {
    return std::tie(Root, Path) < std::tie(O.Root, O.Path);
  }
  bool operator==(const Key &O) const {
    return Root == O.Root && Path == O.Path;
  }
};

struct SettledState {
  std::set<Key> Safe;   // checked "holds a value" on every path
  std::set<Key> Failed; // checked "holds an error" on every path
  bool operator==(const SettledState &O) const {
    return Safe == O.Safe && Failed == O.Failed;
  }
  bool operator!=(const SettledState &O) const { return !(*this == O); }
};

template <typename T> std::set<T> intersect(const std::set<T> &A,
                                            const std::set<T> &B) {
  std::set<T> R;
  for (const T &X : A)
    if (B.count(X))
      R.insert(X);
  return R;
}

enum class CallRole { Check, Failure, Accessor };

struct ResultCall {
  Key K;
  CallRole Role;
  const Expr *Object;
  const CXXMethodDecl *Method;
};

/// What a branch condition says about a result.
struct Condition {
  Key K;
  bool OkWhenTrue;
  const Expr *CheckCall; // the call evaluated in the branching block
};

class SettledFlow {
public:
  SettledFlow(const FunctionDecl &F, const CombinatorVocabulary &Vocab,
              ASTContext &Ctx, const BodyParents *Parents)
      : F(F), Vocab(Vocab), Ctx(Ctx), Parents(Parents) {}

  std::vector<UncheckedAccess> run(DataflowOutcome &Outcome,
                                  unsigned VisitsPerBlock);

  // The problem solveForward() solves: a must-analysis (intersection join)
  // of the results known to hold a value, or known to hold a failure.
  using State = SettledState;
  State initialState() const { return State{}; }
  void transfer(const CFGBlock &B, State &S, DataflowPass Pass);
  void refine(const CFGBlock &From, unsigned SuccIndex, State &S) const;
  bool join(State &Into, const State &From) const {
    State Met{intersect(Into.Safe, From.Safe),
              intersect(Into.Failed, From.Failed)};
    if (Met == Into)
      return false;
    Into = std::move(Met);
    return true;
  }


private:
  friend class RootCollector;
  const CallExpr *settledOrigin(const Expr *Init) const;
  std::optional<Key> keyOf(const Expr *E) const;
  std::optional<ResultCall> classifyCall(const Stmt *S) const;
  std::optional<Condition> branchCondition(const CFGBlock &B) const;
  bool isSafe(const State &S, const Key &K) const {
    return S.Safe.count(K) || S.Safe.count(Key{K.Root, "*"});
  }
  void kill(State &S, const ValueDecl *V) const;
  /// \p Where, if given, is the statement of the body whose handlers
  /// protect \p E (the call of the lambda \p E is in).
  void applyCall(const ResultCall &Call, const Expr *E, State &S, bool Report,
                 const Stmt *Where = nullptr);
  static const LambdaExpr *immediatelyInvokedLambda(const Stmt *S);
  void inlineLambda(const LambdaExpr &Lambda, const Stmt &Where, State &S,
                    bool Report);

  const BodyParents &parents() {
    if (!Parents) {
      OwnParents.emplace(F);
      Parents = &*OwnParents;
    }
    return *Parents;
  }

  const FunctionDecl &F;
  const CombinatorVocabulary &Vocab;
  ASTContext &Ctx;
  const BodyParents *Parents;        // the caller's, or OwnParents, or null
  std::optional<BodyParents> OwnParents; // built when first needed
  llvm::DenseMap<const ValueDecl *, const CallExpr *> Roots;
  std::map<const ValueDecl *, Key> Aliases;
  std::vector<UncheckedAccess> Findings;
  llvm::SmallPtrSet<const Expr *, 8> Reported;
};

const CallExpr *SettledFlow::settledOrigin(const Expr *Init) const {
  const auto *Await = dyn_cast_or_null<CoawaitExpr>(ignoreValueWrappers(Init));
  if (!Await)
    return nullptr;
  const CallExpr *Call = awaitedCall(Await);
  if (Call && classifyCombinatorCall(Call, Vocab) == CombinatorKind::Settled)
    return Call;
  return nullptr;
}

std::optional<Key> SettledFlow::keyOf(const Expr *E) const {
  if (!E)
    return std::nullopt;
  E = ignoreValueWrappers(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    auto Alias = Aliases.find(D);
    if (Alias != Aliases.end())
      return Alias->second;
    if (Roots.count(D))
      return Key{D, ""};
    return std::nullopt;
  }
  auto Index = [&](const Expr *Idx) -> std::optional<std::string> {
    Idx = Idx->IgnoreParenImpCasts();
    Expr::EvalResult Value;
    if (!Idx->isValueDependent() && Idx->EvaluateAsInt(Value, Ctx))
      return "#" + std::to_string(Value.Val.getInt().getExtValue());
    if (const auto *IdxRef = dyn_cast<DeclRefExpr>(Idx))
      return "@" + std::to_string(reinterpret_cast<uintptr_t>(
                       IdxRef->getDecl()->getCanonicalDecl()));
    return std::nullopt;
  };
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
      std::optional<Key> Base = keyOf(Op->getArg(0));
      std::optional<std::string> Idx = Index(Op->getArg(1));
      if (Base && Idx)
        return Key{Base->Root, Base->Path + *Idx};
    }
    return std::nullopt;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = Member->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() && MD->getName() == "at" &&
        Member->getNumArgs() == 1) {
      std::optional<Key> Base = keyOf(Member->getImplicitObjectArgument());
      std::optional<std::string> Idx = Index(Member->getArg(0));
      if (Base && Idx)
        return Key{Base->Root, Base->Path + *Idx};
    }
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (Call->getNumArgs() != 1)
      return std::nullopt;
    if (isStdFunction(FD, {"move", "forward", "as_const"}))
      return keyOf(Call->getArg(0));
    if (isStdFunction(FD, {"get"})) {
      const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
      if (!Args || Args->size() == 0 ||
          Args->get(0).getKind() != TemplateArgument::Integral)
        return std::nullopt;
      std::optional<Key> Base = keyOf(Call->getArg(0));
      if (!Base)
        return std::nullopt;
      return Key{Base->Root,
                 Base->Path + "#" +
                     std::to_string(Args->get(0).getAsIntegral().getExtValue())};
    }
  }
  return std::nullopt;
}

std::optional<ResultCall> SettledFlow::classifyCall(const Stmt *S) const {
  const CXXMethodDecl *MD = nullptr;
  const Expr *Object = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    MD = Member->getMethodDecl();
    Object = Member->getImplicitObjectArgument();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (Op->getNumArgs() > 0)
      Object = Op->getArg(0);
  }
  if (!MD || !Object)
    return std::nullopt;
  CallRole Role;
  if (Vocab.Accessors.matches(MD))
    Role = CallRole::Accessor;
  else if (Vocab.CheckMethods.matches(MD))
    Role = CallRole::Check;
  else if (Vocab.FailureMethods.matches(MD))
    Role = CallRole::Failure;
  else
    return std::nullopt;
  std::optional<Key> K = keyOf(Object);
  if (!K)
    return std::nullopt;
  return ResultCall{*K, Role, Object, MD};
}

static bool isNullLike(const Expr *E, ASTContext &Ctx) {
  E = ignoreValueWrappers(E);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 0)
      return true; // std::exception_ptr{}
    if (Construct->getNumArgs() == 1)
      return isNullLike(Construct->getArg(0), Ctx);
    return false;
  }
  if (isa<CXXNullPtrLiteralExpr>(E) || isa<GNUNullExpr>(E))
    return true;
  return !E->isValueDependent() &&
         E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
             Expr::NPCK_NotNull;
}

std::optional<Condition>
SettledFlow::branchCondition(const CFGBlock &B) const {
  if (B.succ_size() != 2)
    return std::nullopt;
  const auto *Cond =
      dyn_cast_or_null<Expr>(B.getTerminatorCondition(/*StripParens=*/true));
  if (!Cond)
    return std::nullopt;
  bool Flip = false;
  while (true) {
    Cond = ignoreValueWrappers(Cond);
    if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
        Not && Not->getOpcode() == UO_LNot) {
      Flip = !Flip;
      Cond = Not->getSubExpr();
      continue;
    }
    if (const auto *Logical = dyn_cast<BinaryOperator>(Cond);
        Logical && Logical->isLogicalOp()) {
      // The block evaluates the rightmost operand last; checked below.
      Cond = Logical->getRHS();
      continue;
    }
    break;
  }

  std::optional<Condition> Result;
  if (std::optional<ResultCall> Call = classifyCall(Cond)) {
    if (Call->Role == CallRole::Check)
      Result = Condition{Call->K, !Flip, Cond};
    else if (Call->Role == CallRole::Failure)
      Result = Condition{Call->K, Flip, Cond};
  } else if (const auto *Conv = dyn_cast<CXXMemberCallExpr>(Cond);
             Conv && isa_and_nonnull<CXXConversionDecl>(Conv->getMethodDecl())) {
    // `if (r.error())`: an exception pointer converted to bool.
    const Expr *Inner = ignoreValueWrappers(Conv->getImplicitObjectArgument());
    if (std::optional<ResultCall> Call = classifyCall(Inner))
      if (Call->Role == CallRole::Failure)
        Result = Condition{Call->K, Flip, Inner};
  } else {
    // `r.error() == nullptr`, `r.error() != nullptr`.
    const Expr *LHS = nullptr, *RHS = nullptr;
    bool Equal = false, Comparison = false;
    if (const auto *Bin = dyn_cast<BinaryOperator>(Cond);
        Bin && Bin->isEqualityOp()) {
      LHS = Bin->getLHS();
      RHS = Bin->getRHS();
      Equal = Bin->getOpcode() == BO_EQ;
      Comparison = true;
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
               Op && Op->getNumArgs() == 2 &&
               (Op->getOperator() == OO_EqualEqual ||
                Op->getOperator() == OO_ExclaimEqual)) {
      LHS = Op->getArg(0);
      RHS = Op->getArg(1);
      Equal = Op->getOperator() == OO_EqualEqual;
      Comparison = true;
    } else if (const auto *Rewritten =
                   dyn_cast<CXXRewrittenBinaryOperator>(Cond)) {
      auto Form = Rewritten->getDecomposedForm();
      if (Form.Opcode == BO_EQ || Form.Opcode == BO_NE) {
        LHS = Form.LHS;
        RHS = Form.RHS;
        Equal = Form.Opcode == BO_EQ;
        Comparison = true;
      }
    }
    if (Comparison) {
      if (isNullLike(LHS, Ctx))
        std::swap(LHS, RHS);
      if (isNullLike(RHS, Ctx)) {
        const Expr *Inner = ignoreValueWrappers(LHS);
        if (std::optional<ResultCall> Call = classifyCall(Inner))
          if (Call->Role == CallRole::Failure)
            Result = Condition{Call->K, Equal != Flip, Inner};
      }
    }
  }
  if (!Result)
    return std::nullopt;
  // Only if this block evaluates the check itself (not a join block that
  // merely receives the value of a larger logical expression).
  for (const CFGElement &E : B)
    if (std::optional<CFGStmt> S = E.getAs<CFGStmt>())
      if (S->getStmt() == Result->CheckCall)
        return Result;
  return std::nullopt;
}

void SettledFlow::kill(State &S, const ValueDecl *V) const {
  std::string IndexTag =
      "@" + std::to_string(reinterpret_cast<uintptr_t>(V->getCanonicalDecl()));
  auto Erase = [&](std::set<Key> &Set) {
    for (auto It = Set.begin(); It != Set.end();) {
      if (It->Root == V || It->Path.find(IndexTag) != std::string::npos)
        It = Set.erase(It);
      else
        ++It;
    }
  };
  Erase(S.Safe);
  Erase(S.Failed);
}

static const ValueDecl *assignedVariable(const Stmt *S) {
  const Expr *Target = nullptr;
  if (const auto *Bin = dyn_cast<BinaryOperator>(S)) {
    if (Bin->isAssignmentOp())
      Target = Bin->getLHS();
  } else if (const auto *Un = dyn_cast<UnaryOperator>(S)) {
    if (Un->isIncrementDecrementOp())
      Target = Un->getSubExpr();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
        Op->getOperator() == OO_MinusMinus)
      if (Op->getNumArgs() > 0)
        Target = Op->getArg(0);
  }
  if (!Target)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()))
    return Ref->getDecl();
  return nullptr;
}

void SettledFlow::applyCall(const ResultCall &Call, const Expr *E, State &S,
                            bool Report, const Stmt *Where) {
  if (Call.Role == CallRole::Accessor && Report && !isSafe(S, Call.K) &&
      !Reported.count(E) &&
      !isInsideCatchingTry(Where ? *Where : *E, parents(), Ctx)) {
    Reported.insert(E);
    Findings.push_back(UncheckedAccess{
        E, spelledText(Call.Object, Ctx), Call.Method->getDeclName().getAsString(),
        Roots.lookup(Call.K.Root), S.Failed.count(Call.K) > 0});
  }
  // A test stored in a bool or passed on counts as a check (the analysis
  // never guesses what the code does with it); an accessor is reported
  // once per path: if it did not throw, it held a value.
  S.Safe.insert(Call.K);
  S.Failed.erase(Call.K);
}

const LambdaExpr *SettledFlow::immediatelyInvokedLambda(const Stmt *S) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
  if (!Op || Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
    return nullptr;
  return dyn_cast<LambdaExpr>(ignoreValueWrappers(Op->getArg(0)));
}

namespace {
/// The calls of a lambda's body in evaluation order, as written
/// (utils/OwnBody.h: its own nested lambdas are not entered).
class LambdaCalls : public OwnBodyVisitor<LambdaCalls> {
public:
  using OwnBodyVisitor::OwnBodyVisitor;
  bool shouldVisitImplicitCode() const { return false; }
  bool VisitCallExpr(CallExpr *Call) {
    Calls.push_back(Call);
    return true;
  }
  std::vector<const CallExpr *> Calls;
};
} // namespace

void SettledFlow::inlineLambda(const LambdaExpr &Lambda, const Stmt &Where,
                               State &S, bool Report) {
  // In order and without its branches: a test anywhere before an access
  // counts (`CHECK(r.ok() && r.value() == 1)`).
  LambdaCalls Collector(&Ctx);
  Collector.TraverseStmt(Lambda.getBody());
  for (const CallExpr *Call : Collector.Calls) {
    if (const LambdaExpr *Inner = immediatelyInvokedLambda(Call)) {
      inlineLambda(*Inner, Where, S, Report);
      continue;
    }
    if (std::optional<ResultCall> Result = classifyCall(Call))
      applyCall(*Result, Call, S, Report, &Where);
  }
}

void SettledFlow::transfer(const CFGBlock &B, State &S, DataflowPass Pass) {
  const bool Report = Pass == DataflowPass::Report;
  std::optional<Condition> Cond = branchCondition(B);
  for (const CFGElement &Element : B) {
    std::optional<CFGStmt> CS = Element.getAs<CFGStmt>();
    if (!CS)
      continue;
    const Stmt *St = CS->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<ValueDecl>(D)) {
          kill(S, V);
          if (const auto *DD = dyn_cast<DecompositionDecl>(V))
            for (const BindingDecl *Binding : DD->bindings())
              kill(S, Binding);
        }
      continue;
    }
    if (const ValueDecl *V = assignedVariable(St)) {
      kill(S, V);
      continue;
    }
    if (std::optional<ResultCall> Call = classifyCall(St)) {
      // A test evaluated for its branch is handled on the edges.
      if (Call->Role == CallRole::Accessor || !Cond || Cond->CheckCall != St)
        applyCall(*Call, cast<Expr>(St), S, Report);
      continue;
    }
    // A lambda called where it is written (`[&] { ... }()`, what test
    // macros such as doctest's CHECK(...) expand to) runs here: its tests
    // and accessors are reads like any other.
    if (const LambdaExpr *Lambda = immediatelyInvokedLambda(St)) {
      inlineLambda(*Lambda, *St, S, Report);
      continue;
    }
    // A result handed to another function may be checked there: from here
    // on, every element of its root counts as checked.
    if (const auto *Call = dyn_cast<CallExpr>(St)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (isStdFunction(FD, {"move", "forward", "as_const", "get"}))
        continue;
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
        if (Op->getOperator() == OO_Subscript)
          continue;
      unsigned First = 0;
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
        if (const CXXMethodDecl *MD = Member->getMethodDecl())
          if (MD->getDeclName().isIdentifier() && MD->getName() == "at")
            continue;
      for (unsigned I = First, N = Call->getNumArgs(); I < N; ++I)
        if (std::optional<Key> K = keyOf(Call->getArg(I)))
          S.Safe.insert(Key{K->Root, "*"});
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(St)) {
      if (Construct->getConstructor()->isCopyOrMoveConstructor())
        continue;
      for (const Expr *Arg : Construct->arguments())
        if (std::optional<Key> K = keyOf(Arg))
          S.Safe.insert(Key{K->Root, "*"});
    }
  }
}

void SettledFlow::refine(const CFGBlock &Pred, unsigned SuccIndex,
                         State &S) const {
  std::optional<Condition> Cond = branchCondition(Pred);
  if (!Cond)
    return;
  const CFGBlock *TrueBlock = Pred.succ_begin()[0].getReachableBlock();
  const CFGBlock *FalseBlock = Pred.succ_begin()[1].getReachableBlock();
  // Both edges to one block: the test tells that block nothing.
  if (TrueBlock == FalseBlock)
    return;
  bool IsTrue = SuccIndex == 0;
  if (IsTrue == Cond->OkWhenTrue) {
    S.Safe.insert(Cond->K);
    S.Failed.erase(Cond->K);
  } else {
    S.Safe.erase(Cond->K);
    S.Failed.insert(Cond->K);
  }
}

/// The settled results a body declares (utils/OwnBody.h).
class RootCollector : public OwnBodyVisitor<RootCollector> {
public:
  explicit RootCollector(SettledFlow &Flow) : Flow(Flow) {}
  // The variables the user declared, not the implicit ones of a range-for.
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitCXXForRangeStmt(CXXForRangeStmt *For) {
    const VarDecl *Loop = For->getLoopVariable();
    if (!Loop || Flow.Roots.count(Loop))
      return true;
    const Expr *Range = For->getRangeInit();
    if (const CallExpr *Origin = Flow.settledOrigin(Range)) {
      Flow.Roots[Loop] = Origin;
      if (const auto *DD = dyn_cast<DecompositionDecl>(Loop))
        for (const BindingDecl *B : DD->bindings())
          Flow.Roots[B] = Origin;
    } else if (std::optional<Key> K = Flow.keyOf(Range)) {
      Flow.Roots[Loop] = Flow.Roots.lookup(K->Root);
    }
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (!V->hasLocalStorage() || !V->getInit() || isa<ParmVarDecl>(V) ||
        Flow.Roots.count(V))
      return true;
    const Expr *Init = V->getInit();
    const CallExpr *Origin = Flow.settledOrigin(Init);
    std::optional<Key> K;
    if (!Origin) {
      K = Flow.keyOf(Init);
      if (K)
        Origin = Flow.Roots.lookup(K->Root);
    }
    if (!Origin)
      return true;
    if (const auto *DD = dyn_cast<DecompositionDecl>(V)) {
      Flow.Roots[DD] = Origin;
      for (const BindingDecl *B : DD->bindings())
        Flow.Roots[B] = Origin;
      return true;
    }
    if (K && V->getType()->isReferenceType())
      Flow.Aliases[V] = *K;
    else
      Flow.Roots[V] = Origin;
    return true;
  }

private:
  SettledFlow &Flow;
};

std::vector<UncheckedAccess> SettledFlow::run(DataflowOutcome &Outcome,
                                             unsigned VisitsPerBlock) {
  const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(F.getBody());
  if (!Coro || !Coro->getBody())
    return {};
  Stmt *Body = Coro->getBody();
  RootCollector(*this).TraverseStmt(Body);
  if (Roots.empty())
    return {};

  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = false;
  Options.AddTemporaryDtors = false;
  Options.AddCXXDefaultInitExprInCtors = false;
  std::unique_ptr<CFG> Graph = CFG::buildCFG(&F, Body, &Ctx, Options);
  if (!Graph)
    return {};
  Outcome = solveForward(*Graph, *this, VisitsPerBlock);
  llvm::sort(Findings, [&](const UncheckedAccess &A, const UncheckedAccess &B) {
    return Ctx.getSourceManager().isBeforeInTranslationUnit(
        A.Access->getBeginLoc(), B.Access->getBeginLoc());
  });
  return std::move(Findings);
}

} // namespace

std::vector<UncheckedAccess>
findUncheckedAccesses(const FunctionDecl &F, const CombinatorVocabulary &Vocab,
                      ASTContext &Ctx, const BodyParents *Parents,
                      DataflowOutcome *Outcome, unsigned VisitsPerBlock) {
  DataflowOutcome Solved;
  std::vector<UncheckedAccess> Result =
      SettledFlow(F, Vocab, Ctx, Parents).run(Solved, VisitsPerBlock);
  if (Outcome)
    *Outcome = Solved;
  return Result;
}

} // namespace clang::tidy::coro::utils
