//===--- CallChains.cpp ---------------------------------------------------===//

#include "CallChains.h"
#include "ColdPaths.h"
#include "Coroutines.h"
#include "OwnBody.h"
#include "SinkDistances.h"
#include "QualifiedNames.h"
#include "ValueUse.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <vector>

namespace clang::tidy::coro::utils {

namespace {

/// A non-const method a body calls on its own object: on `this` itself
/// (Field null) or on one of its fields (`thread_.join()`, `impl_->stop()`).
struct SelfCall {
  const FieldDecl *Field;
  const CXXMethodDecl *Method;
  bool operator==(const SelfCall &O) const {
    return Field == O.Field && Method == O.Method;
  }
};

/// The SelfCalls of \p F's own body.
llvm::SmallVector<SelfCall, 4> selfCalls(const FunctionDecl *F);

/// Visits the calls a statement makes when it runs (utils/OwnBody.h), as
/// the user wrote them: the implicit code of a coroutine body (promise
/// calls, await_suspend...) and of co_await expressions belongs to the
/// runtime.
class OwnCallVisitor : public OwnBodyVisitor<OwnCallVisitor> {
  using Base = OwnBodyVisitor<OwnCallVisitor>;

public:
  explicit OwnCallVisitor(llvm::function_ref<void(const CallStep &)> Fn,
                          const ASTContext *Ctx = nullptr)
      : OwnBodyVisitor(Ctx), Fn(Fn) {}

  bool shouldVisitImplicitCode() const { return false; }

  bool VisitCallExpr(CallExpr *Call) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (const auto *Object = dyn_cast<DeclRefExpr>(
              Member->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        if (const CXXMethodDecl *Method = Member->getMethodDecl())
          MethodCalls[Object->getDecl()].insert(Method);
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      Fn({Call, Callee});
      if (isStdFunction(Callee, {"move", "forward"}) && Call->getNumArgs() == 1)
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts()))
          Moved.insert(Ref->getDecl());
    }
    return true;
  }
  // `co_await t`: the object's own completion was awaited.
  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
            ignoreValueWrappers(Await->getOperand())))
      Finished.insert(Ref->getDecl());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (const CXXConstructorDecl *Ctor = Construct->getConstructor())
      Fn({Construct, Ctor});
    return true;
  }

  // Destructors: a discarded temporary's runs at the end of its full
  // expression, a local's at the end of its scope. (A temporary that
  // initialises a variable, or is moved from, is not destroyed with a value
  // in it: only discarded ones are looked at.)
  bool VisitStmt(Stmt *S) {
    forEachDiscardedChild(S, /*StmtExprBody=*/false, [&](const Stmt *Child) {
      const Stmt *Value = Child;
      while (true) {
        if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Value))
          Value = Cleanups->getSubExpr();
        else if (const auto *Cast = dyn_cast<CastExpr>(Value);
                 Cast && (isa<ImplicitCastExpr>(Cast) ||
                          Cast->getType()->isVoidType()))
          Value = Cast->getSubExpr();
        else if (const auto *Paren = dyn_cast<ParenExpr>(Value))
          Value = Paren->getSubExpr();
        else
          break;
      }
      if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Value))
        DiscardedTemporaries.insert(Bind);
    });
    return true;
  }
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *Bind) {
    if (!DiscardedTemporaries.contains(Bind))
      return true;
    if (const CXXDestructorDecl *Dtor = Bind->getTemporary()->getDestructor())
      if (mayWaitInDestructor(Bind->getSubExpr(), Dtor))
        Fn({Bind, Dtor});
    return true;
  }
  bool TraverseCompoundStmt(CompoundStmt *Block) {
    ScopeEnds.push_back(Block->getRBracLoc());
    bool Continue = Base::TraverseCompoundStmt(Block);
    ScopeEnds.pop_back();
    return Continue;
  }
  bool VisitVarDecl(VarDecl *Var) {
    if (!Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
        Var->getType()->isReferenceType() || !Var->getInit() ||
        ScopeEnds.empty())
      return true;
    if (const CXXRecordDecl *Class = Var->getType()->getAsCXXRecordDecl())
      if (const CXXDestructorDecl *Dtor = Class->getDestructor())
        if (mayWaitInDestructor(Var->getInit(), Dtor))
          Locals.push_back({Var->getInit(), Dtor, Var, ScopeEnds.back()});
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    Named.insert(Ref->getDecl());
    return true;
  }

  /// The locals' destructors, after the body's calls. A library object that
  /// is named again (joined, waited, detached, moved) is left to those
  /// calls; a user object is followed unless it is moved away or awaited
  /// (`co_await t`): then its wait happened there, and its destructor finds
  /// nothing left to wait for; or unless a method detached what it waits
  /// for (detachesFromDestructor). (A method call that did the wait is the
  /// check's to judge: finishesLikeDestructor.)
  void finish() {
    for (const CallStep &Step : Locals) {
      const auto *Dtor = cast<CXXDestructorDecl>(Step.Callee);
      bool Library = libraryDestructorWaits(Step.Call, Dtor);
      if (Library ? Named.contains(Step.Destroyed)
                  : Moved.contains(Step.Destroyed) ||
                        Finished.contains(Step.Destroyed) ||
                        detached(Step.Destroyed, Dtor))
        continue;
      Fn(Step);
    }
  }

private:
  /// A method call on \p Object detached what \p Dtor would wait for.
  bool detached(const Decl *Object, const CXXDestructorDecl *Dtor) const {
    auto It = MethodCalls.find(Object);
    return It != MethodCalls.end() &&
           llvm::any_of(It->second, [&](const CXXMethodDecl *Method) {
             return detachesFromDestructor(Method, Dtor);
           });
  }

  llvm::function_ref<void(const CallStep &)> Fn;
  /// Member calls on named objects, for the locals' destructors.
  llvm::DenseMap<const Decl *, llvm::SmallSetVector<const CXXMethodDecl *, 2>>
      MethodCalls;
  llvm::SmallVector<SourceLocation, 8> ScopeEnds;
  llvm::SmallVector<CallStep, 4> Locals;
  llvm::SmallPtrSet<const Decl *, 16> Named;
  llvm::SmallPtrSet<const Decl *, 4> Moved;
  llvm::SmallPtrSet<const Decl *, 4> Finished;
  llvm::SmallPtrSet<const Stmt *, 4> DiscardedTemporaries;
};

/// Collects the SelfCalls of one body (utils/OwnBody.h: lambdas and local
/// classes excluded).
class SelfCallCollector : public OwnBodyVisitor<SelfCallCollector> {
public:
  explicit SelfCallCollector(llvm::SmallVectorImpl<SelfCall> &Out)
      : Out(Out) {}
  bool shouldVisitImplicitCode() const { return false; }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || Method->isConst())
      return true;
    const Expr *Object = Call->getImplicitObjectArgument()->IgnoreParenImpCasts();
    // A smart pointer field: `impl_->stop()` is `impl_.operator->()->stop()`.
    if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Object))
      if (Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() == 1)
        Object = Arrow->getArg(0)->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Object)) {
      Out.push_back({nullptr, Method->getCanonicalDecl()});
    } else if (const auto *Member = dyn_cast<MemberExpr>(Object)) {
      if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
        if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
          Out.push_back({Field, Method->getCanonicalDecl()});
    }
    return true;
  }

  // `thread_ = std::thread(...)`: a member call in all but syntax.
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    if (!Method || Call->getOperator() != OO_Equal || Call->getNumArgs() != 2)
      return true;
    if (const auto *Member =
            dyn_cast<MemberExpr>(Call->getArg(0)->IgnoreParenImpCasts()))
      if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
        if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
          Out.push_back({Field, Method->getCanonicalDecl()});
    return true;
  }

private:
  llvm::SmallVectorImpl<SelfCall> &Out;
};

llvm::SmallVector<SelfCall, 4> selfCalls(const FunctionDecl *F) {
  llvm::SmallVector<SelfCall, 4> Out;
  const FunctionDecl *Def = F ? F->getDefinition() : nullptr;
  if (Def && Def->getBody())
    SelfCallCollector(Out).TraverseStmt(Def->getBody());
  return Out;
}

} // namespace

bool finishesLikeDestructor(const CXXMethodDecl *Method,
                            const CXXDestructorDecl *Dtor) {
  if (!Method || Method->isConst() || isa<CXXDestructorDecl>(Method))
    return false;
  llvm::SmallVector<SelfCall, 4> ByDtor = selfCalls(Dtor);
  if (llvm::is_contained(ByDtor, SelfCall{nullptr, Method->getCanonicalDecl()}))
    return true;
  // A method compiled elsewhere (Boost.Cobalt's thread::join): named like
  // the field's method the destructor calls, as a wrapper is.
  const FunctionDecl *Def = Method->getDefinition();
  if (!Def || !Def->getBody())
    return llvm::any_of(ByDtor, [&](const SelfCall &Call) {
      return Call.Field && Call.Method->getDeclName() == Method->getDeclName();
    });
  return llvm::any_of(selfCalls(Method), [&](const SelfCall &Call) {
    return Call.Field && llvm::is_contained(ByDtor, Call);
  });
}

bool detachesFromDestructor(const CXXMethodDecl *Method,
                            const CXXDestructorDecl *Dtor) {
  if (!Method || isa<CXXDestructorDecl>(Method))
    return false;
  llvm::SmallVector<SelfCall, 4> ByMethod = selfCalls(Method);
  // A thread detached and then replaced (`restart()`) is joined again.
  auto Reassigned = [&](const FieldDecl *Field) {
    return llvm::any_of(ByMethod, [&](const SelfCall &Call) {
      return Call.Field == Field && (Call.Method->isCopyAssignmentOperator() ||
                                     Call.Method->isMoveAssignmentOperator());
    });
  };
  llvm::SmallVector<SelfCall, 4> ByDtor;
  for (const SelfCall &Call : ByMethod) {
    if (!Call.Field || Reassigned(Call.Field))
      continue;
    std::string Name = qualifiedName(Call.Method);
    if (Name != "std::thread::detach" && Name != "std::jthread::detach")
      continue;
    if (ByDtor.empty())
      ByDtor = selfCalls(Dtor);
    if (llvm::any_of(ByDtor, [&](const SelfCall &D) {
          return D.Field == Call.Field;
        }))
      return true;
  }
  return false;
}

namespace {

/// `std::async(f)` or `std::async(policy, f)` with a policy other than
/// exactly std::launch::deferred.
bool isEagerAsync(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(ignoreValueWrappers(E));
  if (!Call || !Call->getDirectCallee() ||
      !isStdFunction(Call->getDirectCallee(), {"async"}))
    return false;
  if (Call->getNumArgs() == 0)
    return false;
  const Expr *First = Call->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(First))
    if (const auto *Enumerator = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
      return Enumerator->getName() != "deferred";
  return true;
}

} // namespace

bool libraryDestructorWaits(const Expr *Init, const CXXDestructorDecl *Dtor) {
  std::string Class = qualifiedName(Dtor->getParent());
  if (Class == "std::jthread")
    return true;
  return Class == "std::future" && isEagerAsync(Init);
}

bool mayWaitInDestructor(const Expr *Init, const CXXDestructorDecl *Dtor) {
  if (!Dtor || Dtor->isTrivial())
    return false;
  if (libraryDestructorWaits(Init, Dtor))
    return true;
  const SourceManager &SM = Dtor->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Dtor->getLocation())))
    return false;
  const FunctionDecl *Def = Dtor->getDefinition();
  return Def && cast<CXXDestructorDecl>(Def)->isUserProvided();
}

void forEachOwnCall(const FunctionDecl *FD,
                    llvm::function_ref<void(const CallStep &)> Fn,
                    bool SkipColdPaths) {
  if (!FD)
    return;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def)
    return;
  if (SkipColdPaths) {
    std::vector<CallStep> Steps;
    forEachOwnCall(Def, [&](const CallStep &Step) { Steps.push_back(Step); });
    std::vector<const Expr *> Calls;
    for (const CallStep &Step : Steps)
      Calls.push_back(Step.Call);
    llvm::DenseSet<const Expr *> Cold = coldCalls(Def, Calls);
    for (const CallStep &Step : Steps)
      if (!Cold.contains(Step.Call))
        Fn(Step);
    return;
  }
  OwnCallVisitor Visitor(Fn, &Def->getASTContext());
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        Visitor.TraverseStmt(Init->getInit());
  Visitor.TraverseStmt(Def->getBody());
  Visitor.finish();
}

CallChainFinder::CallChainFinder(Classifier Classify)
    : CallChainFinder(std::move(Classify), Options()) {}

CallChainFinder::CallChainFinder(Classifier Classify, Options Opts)
    : Classify(std::move(Classify)), Opts(Opts) {}

bool CallChainFinder::isSyncGenerator(const FunctionDecl *FD) const {
  auto [It, Inserted] = SyncGenerators.try_emplace(FD, false);
  if (Inserted) {
    if (!Types)
      Types.emplace(FD->getASTContext());
    It->second = isSyncGeneratorCoroutine(FD, *Types);
  }
  return It->second;
}

bool CallChainFinder::canFollow(const FunctionDecl *FD) const {
  if (!FD)
    return false;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->doesThisDeclarationHaveABody() || !Def->getBody())
    return false;
  // A coroutine runs on its own, except a synchronous generator, whose body
  // runs inside whoever iterates it.
  if ((isCoroutine(Def) && !isSyncGenerator(Def)) ||
      Def->isDependentContext())
    return false;
  // A virtual call runs whichever override the object has; the body here
  // is only one candidate. Final classes and methods are exact.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def))
    if (MD->isVirtual() && !MD->hasAttr<FinalAttr>() &&
        !MD->getParent()->hasAttr<FinalAttr>())
      return false;
  if (!Opts.FollowSystemHeaders) {
    const SourceManager &SM = Def->getASTContext().getSourceManager();
    SourceLocation Loc = Def->getLocation();
    // Instantiations of templates: where the pattern was written.
    if (const FunctionDecl *Pattern = Def->getTemplateInstantiationPattern())
      Loc = Pattern->getLocation();
    if (SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      return false;
  }
  return true;
}

CallVerdict CallChainFinder::classify(const CallStep &Step) {
  // The awaiter protocol is the runtime's, called by name or not: a
  // combinator's `aw.await_resume()` after `aw.await_ready()` resumes an
  // operation that is complete, as the implicit calls of `co_await aw` do,
  // which are not followed either.
  if (isAwaiterProtocolMember(Step.Callee))
    return CallVerdict::Opaque;
  return Classify(Step.Call, Step.Callee);
}

void CallChainFinder::explore(const FunctionDecl *Root) {
  // Collect the part of the call graph reachable from Root through
  // followable functions not explored yet, then compute the shortest
  // distance to a sink for each of them (Dijkstra on reversed edges, unit
  // weights, seeded by direct sinks and already memoised callees).
  struct Edge {
    CallStep Step;
    const FunctionDecl *Target; // Definition of the callee.
  };
  struct Pending {
    const FunctionDecl *FD;
    std::optional<CallStep> DirectSink; // First sink call in source order.
    std::vector<Edge> Edges;
  };
  std::vector<Pending> Nodes;
  llvm::DenseMap<const FunctionDecl *, unsigned> Index;

  std::vector<const FunctionDecl *> Work{Root};
  Index[Root] = 0;
  Nodes.push_back({Root, std::nullopt, {}});
  while (!Work.empty()) {
    const FunctionDecl *FD = Work.back();
    Work.pop_back();
    unsigned Self = Index[FD];
    forEachOwnCall(FD, [&](const CallStep &Step) {
      switch (classify(Step)) {
      case CallVerdict::Sink:
        if (!Nodes[Self].DirectSink)
          Nodes[Self].DirectSink = Step;
        return;
      case CallVerdict::Opaque:
        return;
      case CallVerdict::Follow:
        break;
      }
      if (!canFollow(Step.Callee))
        return;
      const FunctionDecl *Target = Step.Callee->getDefinition();
      Nodes[Self].Edges.push_back({Step, Target});
      if (Memo.count(Target) || Index.count(Target))
        return;
      Index[Target] = Nodes.size();
      Nodes.push_back({Target, std::nullopt, {}});
      Work.push_back(Target);
    }, /*SkipColdPaths=*/true);
  }

  // Callees explored by an earlier query are seeds: their distance is
  // known.
  const unsigned N = Nodes.size();
  SinkGraph Graph(N);
  for (unsigned I = 0; I < N; ++I) {
    if (Nodes[I].DirectSink)
      Graph.seed(I, 1);
    for (const Edge &E : Nodes[I].Edges) {
      auto It = Index.find(E.Target);
      if (It != Index.end()) {
        Graph.addEdge(I, It->second);
        continue;
      }
      auto M = Memo.find(E.Target);
      if (M != Memo.end() && M->second.Distance != Unreachable)
        Graph.seed(I, M->second.Distance + 1);
    }
  }
  std::vector<unsigned> Best = Graph.distances();

  // Record, for each node, the first step in source order that starts a
  // shortest chain: deterministic, and the one a reader expects.
  auto DistanceOf = [&](const FunctionDecl *Target) {
    auto It = Index.find(Target);
    if (It != Index.end())
      return Best[It->second];
    auto M = Memo.find(Target);
    return M != Memo.end() ? M->second.Distance : Unreachable;
  };
  for (unsigned I = 0; I < N; ++I) {
    Node Result;
    Result.Distance = Best[I];
    if (Best[I] == 1 && Nodes[I].DirectSink) {
      Result.Next = *Nodes[I].DirectSink;
    } else if (Best[I] != Unreachable) {
      for (const Edge &E : Nodes[I].Edges)
        if (DistanceOf(E.Target) == Best[I] - 1) {
          Result.Next = E.Step;
          break;
        }
    }
    Memo[Nodes[I].FD] = Result;
  }
}

std::optional<CallChain> CallChainFinder::chainFromNode(const Node &Start,
                                                         unsigned Budget) {
  if (Start.Distance == Unreachable || Start.Distance > Budget)
    return std::nullopt;
  CallChain Chain;
  const Node *Current = &Start;
  while (true) {
    Chain.push_back(Current->Next);
    if (Current->Distance <= 1)
      break;
    auto It = Memo.find(Current->Next.Callee->getDefinition());
    if (It == Memo.end()) // Cannot happen: every followed callee is memoised.
      return std::nullopt;
    Current = &It->second;
  }
  return Chain;
}

std::optional<CallChain> CallChainFinder::chainFrom(const FunctionDecl *FD) {
  if (!FD)
    return std::nullopt;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getBody())
    return std::nullopt;
  if (!Memo.count(Def))
    explore(Def);
  unsigned Budget = Opts.MaxDepth ? Opts.MaxDepth : Unreachable - 1;
  return chainFromNode(Memo[Def], Budget);
}

std::optional<CallChain> CallChainFinder::chainFor(const CallStep &Step) {
  if (!Step.Call || !Step.Callee)
    return std::nullopt;
  switch (classify(Step)) {
  case CallVerdict::Sink:
    return CallChain{Step};
  case CallVerdict::Opaque:
    return std::nullopt;
  case CallVerdict::Follow:
    break;
  }
  if (Opts.MaxDepth == 1 || !canFollow(Step.Callee))
    return std::nullopt;
  const FunctionDecl *Def = Step.Callee->getDefinition();
  if (!Memo.count(Def))
    explore(Def);
  unsigned Budget = Opts.MaxDepth ? Opts.MaxDepth - 1 : Unreachable - 1;
  std::optional<CallChain> Rest = chainFromNode(Memo[Def], Budget);
  if (!Rest)
    return std::nullopt;
  CallChain Chain{Step};
  Chain.append(Rest->begin(), Rest->end());
  return Chain;
}

CallChainFinder &lazyFinder(std::unique_ptr<CallChainFinder> &Finder,
                            unsigned MaxDepth,
                            CallChainFinder::Classifier Classify) {
  if (!Finder) {
    CallChainFinder::Options Opts;
    Opts.MaxDepth = MaxDepth;
    Finder = std::make_unique<CallChainFinder>(std::move(Classify), Opts);
  }
  return *Finder;
}

} // namespace clang::tidy::coro::utils
