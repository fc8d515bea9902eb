//===--- ExecutorFlow.cpp -------------------------------------------------===//

#include "ExecutorFlow.h"
#include "Coroutines.h"
#include "ForwardDataflow.h"
#include "OwnBody.h"
#include "Runtimes.h"
#include "ValueUse.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/IgnoreExpr.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>

namespace clang::tidy::coro::utils {

ExecutorVocabulary ExecutorVocabulary::fromPresets(
    llvm::ArrayRef<std::string> BlockingExecutorNames) {
  ExecutorVocabulary V;
  V.BlockingExecutors.add(BlockingExecutorNames);
  V.SwitchAwaiters.add(presetNames(&RuntimePreset::ExecutorSwitchAwaiters));
  V.StartPromises.add(presetNames(&RuntimePreset::StartOnExecutorPromises));
  V.Binders.add(presetNames(&RuntimePreset::ExecutorBinders));
  for (const ExecutorSpawn &S : presetEntries(&RuntimePreset::ExecutorSpawns)) {
    ExecutorVocabulary::Spawn Entry{{}, S.Executor, S.Task};
    Entry.Functions.add({S.Function.str()});
    V.Spawns.push_back(std::move(Entry));
  }
  return V;
}

/// The \p Index-th template argument of \p RD, if it is a specialization
/// with a type there.
static QualType templateTypeArgument(const CXXRecordDecl *RD, unsigned Index) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return QualType();
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() <= Index || Args[Index].getKind() != TemplateArgument::Type)
    return QualType();
  return Args[Index].getAsType();
}

/// The executor class a type designates: the class itself, or what a
/// pointer, reference or smart pointer points to
/// (`std::shared_ptr<concurrencpp::thread_pool_executor>`).
static const CXXRecordDecl *executorClass(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = getRecord(T);
  if (!RD)
    return nullptr;
  std::string Name = qualifiedName(RD);
  if (Name == "std::shared_ptr" || Name == "std::unique_ptr" ||
      Name == "std::reference_wrapper")
    return executorClass(templateTypeArgument(RD, 0));
  return RD;
}

/// An executor class, or a class nested in one
/// (`asio::thread_pool::basic_executor_type`), that is listed or derives
/// from a listed one.
static const CXXRecordDecl *
enclosingBlockingExecutor(const CXXRecordDecl *RD,
                          const ExecutorVocabulary &V) {
  for (const DeclContext *DC = RD; DC; DC = DC->getParent()) {
    const auto *Class = dyn_cast<CXXRecordDecl>(DC);
    if (!Class)
      continue;
    if (isOrDerivesFrom(Class, [&](const CXXRecordDecl *Base) {
          return V.BlockingExecutors.matches(Base);
        }))
      return Class;
  }
  return nullptr;
}

/// The executor class (executorClass) of the first class-typed argument of
/// the call or construction that makes \p Made, as written:
/// `On(tp)` gives tp's own class, not the interface it converts to.
static const CXXRecordDecl *executorArgument(const Expr *Made) {
  // `OnAwaiter(tp)` is a functional cast around the construction.
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Made))
    Made = Cast->getSubExpr()->IgnoreImplicit();
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *Call = dyn_cast<CallExpr>(Made))
    Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Made))
    Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
  for (const Expr *Arg : Args)
    if (const CXXRecordDecl *Class = executorClass(Arg->IgnoreImpCasts()->getType()))
      return Class;
  return nullptr;
}

ExecutorMove classifySuspension(const CoroutineSuspendExpr *Suspend,
                                const ExecutorVocabulary &V) {
  const auto *Await = dyn_cast<CoawaitExpr>(Suspend);
  if (!Await || Await->isImplicit())
    return ExecutorMove::None;
  // Only the nodes that keep the awaiter's type: ignoreValueWrappers would
  // also strip a converting construction of the awaiter itself.
  if (!Await->getOperand())
    return ExecutorMove::None;
  const Expr *Operand = IgnoreExprNodes(
      Await->getOperand(), IgnoreImplicitSingleStep, IgnoreParensSingleStep);

  // An awaiter that moves the coroutine: the executor is its first template
  // argument (concurrencpp's resume_on_awaitable<E>), the class it is
  // nested in (a pool's schedule_operation), or, for an awaiter that holds
  // a type-erased executor, the argument it is made from (YACLib's
  // `On(tp)` returns an OnAwaiter holding an IExecutor&).
  if (const CXXRecordDecl *Awaiter = getRecord(Operand->getType())) {
    if (V.SwitchAwaiters.matches(Awaiter)) {
      const CXXRecordDecl *Executor =
          executorClass(templateTypeArgument(Awaiter, 0));
      if (!Executor)
        Executor = isa<CXXRecordDecl>(Awaiter->getParent())
                       ? cast<CXXRecordDecl>(Awaiter->getParent())
                       : executorArgument(Operand);
      return Executor && enclosingBlockingExecutor(Executor, V)
                 ? ExecutorMove::ToBlocking
                 : ExecutorMove::Elsewhere;
    }
    if (const auto *Outer = dyn_cast<CXXRecordDecl>(Awaiter->getParent()))
      if (enclosingBlockingExecutor(Outer, V))
        return ExecutorMove::ToBlocking;
  }

  // An operation whose completion token is bound to an executor
  // (`asio::post(asio::bind_executor(pool, asio::use_awaitable))`).
  if (const auto *Call = dyn_cast<CallExpr>(Operand))
    for (const Expr *Arg : Call->arguments()) {
      const CXXRecordDecl *Binder = getRecord(Arg->getType());
      if (!Binder || !V.Binders.matches(Binder))
        continue;
      const CXXRecordDecl *Executor =
          executorClass(templateTypeArgument(Binder, 1));
      return Executor && enclosingBlockingExecutor(Executor, V)
                 ? ExecutorMove::ToBlockingOnce
                 : ExecutorMove::Elsewhere;
    }
  return ExecutorMove::None;
}

bool startsOnBlockingExecutor(const FunctionDecl *Coroutine,
                              const ExecutorVocabulary &V) {
  const auto *Body =
      Coroutine ? dyn_cast_or_null<CoroutineBodyStmt>(Coroutine->getBody())
                : nullptr;
  if (!Body || !Body->getPromiseDecl())
    return false;
  const CXXRecordDecl *Promise = getRecord(Body->getPromiseDecl()->getType());
  if (!Promise)
    return false;
  bool OnBlocking = false;
  isOrDerivesFrom(Promise, [&](const CXXRecordDecl *Base) {
    if (!V.StartPromises.matches(Base))
      return false;
    const CXXRecordDecl *Executor =
        executorClass(templateTypeArgument(Base, 0));
    OnBlocking = Executor && enclosingBlockingExecutor(Executor, V);
    return true;
  });
  return OnBlocking;
}

namespace {

/// Ordered so that a join is the minimum: on a pool after a merge only if
/// on every incoming path, and only "until the next suspension" if that
/// holds on one of them.
enum Where : unsigned char { Unknown = 0, PoolUntilSuspension = 1, Pool = 2 };

class ExecutorDataflow {
public:
  using State = Where;

  ExecutorDataflow(Where Initial, const ExecutorVocabulary &V,
                   llvm::DenseSet<const Stmt *> &OnPool)
      : Initial(Initial), V(V), OnPool(OnPool) {}

  State initialState() const { return Initial; }

  void transfer(const CFGBlock &Block, State &S, DataflowPass Pass) {
    for (const CFGElement &Element : Block) {
      std::optional<CFGStmt> Statement = Element.getAs<CFGStmt>();
      if (!Statement)
        continue;
      const Stmt *St = Statement->getStmt();
      if (Pass == DataflowPass::Report && S != Unknown)
        OnPool.insert(St);
      if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(St))
        S = after(Suspend, S);
    }
  }

  void refine(const CFGBlock &, unsigned, State &) {}

  bool join(State &Into, const State &From) {
    State Joined = std::min(Into, From);
    bool Changed = Joined != Into;
    Into = Joined;
    return Changed;
  }

private:
  Where after(const CoroutineSuspendExpr *Suspend, Where Before) const {
    if (isa<CoyieldExpr>(Suspend))
      return Unknown; // The consumer resumes it, wherever it runs.
    switch (classifySuspension(Suspend, V)) {
    case ExecutorMove::ToBlocking:
      return Pool;
    case ExecutorMove::ToBlockingOnce:
      return PoolUntilSuspension;
    case ExecutorMove::Elsewhere:
      return Unknown;
    case ExecutorMove::None:
      break;
    }
    return Before == PoolUntilSuspension ? Unknown : Before;
  }

  Where Initial;
  const ExecutorVocabulary &V;
  llvm::DenseSet<const Stmt *> &OnPool;
};

/// Whether a body awaits anything that moves it.
class SwitchFinder : public OwnBodyVisitor<SwitchFinder> {
public:
  SwitchFinder(const ExecutorVocabulary &V, const ASTContext &Ctx)
      : OwnBodyVisitor(&Ctx), V(V) {}
  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    Found = classifySuspension(Await, V) != ExecutorMove::None;
    return !Found;
  }
  bool Found = false;

private:
  const ExecutorVocabulary &V;
};

} // namespace

llvm::DenseSet<const Stmt *>
statementsOnBlockingExecutor(const FunctionDecl *Coroutine,
                             const ExecutorVocabulary &V,
                             bool StartsOnBlocking) {
  llvm::DenseSet<const Stmt *> OnPool;
  const auto *Body =
      Coroutine ? dyn_cast_or_null<CoroutineBodyStmt>(Coroutine->getBody())
                : nullptr;
  if (!Body || !Body->getBody())
    return OnPool;
  ASTContext &Ctx = Coroutine->getASTContext();
  bool Starts = StartsOnBlocking || startsOnBlockingExecutor(Coroutine, V);
  SwitchFinder Finder(V, Ctx);
  Finder.TraverseStmt(Body->getBody());
  if (!Starts && !Finder.Found)
    return OnPool;

  std::unique_ptr<CFG> Graph =
      buildStatementCFG(Coroutine, Body->getBody(), Ctx);
  if (!Graph)
    return OnPool;
  ExecutorDataflow Problem(Starts ? Pool : Unknown, V, OnPool);
  // A three-level lattice descends at most twice per block: the bound is
  // never reached, and a stopped solve would only leave calls reported.
  solveForward(*Graph, Problem);
  return OnPool;
}

//===----------------------------------------------------------------------===//
// What callers decide
//===----------------------------------------------------------------------===//

/// One body's lambdas (by closure class), the uses of its local variables,
/// and its parent map: built in one walk each.
struct ExecutorFacts::BodyIndex {
  explicit BodyIndex(const FunctionDecl &F) : Parents(F) {}
  BodyParents Parents;
  llvm::DenseMap<const CXXRecordDecl *, const LambdaExpr *> Lambdas;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const DeclRefExpr *, 4>>
      Uses;
};

namespace {
class BodyIndexer : public OwnBodyVisitor<BodyIndexer> {
  using Base = OwnBodyVisitor<BodyIndexer>;

public:
  BodyIndexer(const ASTContext &Ctx,
              llvm::DenseMap<const CXXRecordDecl *, const LambdaExpr *> &Lambdas,
              llvm::DenseMap<const VarDecl *,
                             llvm::SmallVector<const DeclRefExpr *, 4>> &Uses)
      : Base(&Ctx), Lambdas(Lambdas), Uses(Uses) {}
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    Lambdas.try_emplace(Lambda->getLambdaClass(), Lambda);
    return Base::TraverseLambdaExpr(Lambda);
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->isLocalVarDecl())
        Uses[Var].push_back(Ref);
    return true;
  }

private:
  llvm::DenseMap<const CXXRecordDecl *, const LambdaExpr *> &Lambdas;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const DeclRefExpr *, 4>>
      &Uses;
};
} // namespace

ExecutorFacts::ExecutorFacts(const ExecutorVocabulary &V) : V(V) {}
ExecutorFacts::~ExecutorFacts() = default;

void ExecutorFacts::reset() {
  OnPool.clear();
  Starts.clear();
  Indexes.clear();
  InternalReferences.reset();
}

const llvm::DenseSet<const Stmt *> &
ExecutorFacts::statementsOnBlockingExecutor(const FunctionDecl *Coroutine) {
  auto It = OnPool.find(Coroutine);
  if (It != OnPool.end())
    return *It->second;
  auto Statements = std::make_unique<llvm::DenseSet<const Stmt *>>(
      utils::statementsOnBlockingExecutor(Coroutine, V,
                                          startsOnBlocking(Coroutine)));
  // Owned through a pointer: the set outlives later insertions.
  return *(OnPool[Coroutine] = std::move(Statements));
}

bool ExecutorFacts::startsOnBlocking(const FunctionDecl *Coroutine) {
  auto It = Starts.find(Coroutine);
  if (It != Starts.end())
    return It->second;
  Starts[Coroutine] = false; // A use that leads back here decides nothing.
  bool Result = startsOnBlockingExecutor(Coroutine, V);
  if (!Result && !V.Spawns.empty()) {
    const auto *MD = dyn_cast<CXXMethodDecl>(Coroutine);
    if (MD && MD->getParent()->isLambda())
      Result = lambdaStartsOnBlocking(MD);
    else if (!Coroutine->isExternallyVisible())
      Result = callersStartOnBlocking(Coroutine);
  }
  return Starts[Coroutine] = Result;
}

const ExecutorFacts::BodyIndex *
ExecutorFacts::indexOf(const FunctionDecl *F) {
  std::unique_ptr<BodyIndex> &Index = Indexes[F];
  if (!Index) {
    Index = std::make_unique<BodyIndex>(*F);
    BodyIndexer(F->getASTContext(), Index->Lambdas, Index->Uses)
        .TraverseStmt(F->getBody());
  }
  return Index.get();
}

bool ExecutorFacts::lambdaStartsOnBlocking(const CXXMethodDecl *CallOperator) {
  const CXXRecordDecl *Closure = CallOperator->getParent();
  const auto *Enclosing = dyn_cast<FunctionDecl>(Closure->getDeclContext());
  if (!Enclosing || !Enclosing->hasBody())
    return false;
  const BodyIndex *Index = indexOf(Enclosing);
  const LambdaExpr *Lambda = Index->Lambdas.lookup(Closure);
  if (!Lambda)
    return false;
  ValueUse Use = valueUse(Lambda, Index->Parents);
  if (const auto *Var = dyn_cast_or_null<VarDecl>(Use.Declaration)) {
    auto Uses = Index->Uses.find(Var);
    return Uses != Index->Uses.end() &&
           llvm::all_of(Uses->second, [&](const DeclRefExpr *Ref) {
             return useStartsOnBlocking(Ref, Enclosing, *Index);
           });
  }
  return useStartsOnBlocking(Lambda, Enclosing, *Index);
}

namespace {
/// The references, in the unit's own code (not system headers), to
/// coroutines with internal linkage, each with the function whose body
/// holds it. Instantiations are walked: their calls are resolved.
class InternalReferenceIndexer
    : public RecursiveASTVisitor<InternalReferenceIndexer> {
  using Base = RecursiveASTVisitor<InternalReferenceIndexer>;

public:
  using Map = llvm::DenseMap<const FunctionDecl *,
                             llvm::SmallVector<ExecutorFacts::Reference, 2>>;
  InternalReferenceIndexer(const SourceManager &SM, Map &Refs)
      : SM(SM), Refs(Refs) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      return Base::TraverseDecl(D);
    Enclosing.push_back(FD);
    bool Continue = Base::TraverseDecl(D);
    Enclosing.pop_back();
    return Continue;
  }
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    Enclosing.push_back(Lambda->getCallOperator());
    bool Continue = Base::TraverseLambdaExpr(Lambda);
    Enclosing.pop_back();
    return Continue;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    note(Ref->getDecl(), Ref);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    note(Member->getMemberDecl(), Member);
    return true;
  }

private:
  void note(const ValueDecl *D, const Expr *Ref) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || FD->isExternallyVisible())
      return;
    const FunctionDecl *Def = FD->getDefinition();
    if (!Def || !isCoroutine(Def))
      return;
    Refs[FD->getCanonicalDecl()].push_back(
        {Ref, Enclosing.empty() ? nullptr : Enclosing.back()});
  }

  const SourceManager &SM;
  Map &Refs;
  llvm::SmallVector<const FunctionDecl *, 8> Enclosing;
};
} // namespace

bool ExecutorFacts::callersStartOnBlocking(const FunctionDecl *Coroutine) {
  if (!InternalReferences) {
    InternalReferences.emplace();
    ASTContext &Ctx = Coroutine->getASTContext();
    // Every declaration of the unit, whatever the traversal scope (the
    // language server limits it to the main file): a reference the walk
    // did not see would make the verdict optimistic.
    InternalReferenceIndexer Indexer(Ctx.getSourceManager(), *InternalReferences);
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
      Indexer.TraverseDecl(D);
  }
  auto It = InternalReferences->find(Coroutine->getCanonicalDecl());
  if (It == InternalReferences->end())
    return false;
  return llvm::all_of(It->second, [&](const Reference &R) {
    // A template's pattern speaks through its instantiations, which the
    // walk visits (one never instantiated never runs); a generic lambda's
    // instantiations are not walked, so its pattern counts against.
    if (R.Enclosing && R.Enclosing->isDependentContext()) {
      bool InGenericLambda = false;
      for (const DeclContext *DC = R.Enclosing; DC; DC = DC->getParent())
        if (const auto *Class = dyn_cast<CXXRecordDecl>(DC))
          InGenericLambda |= Class->isGenericLambda();
      if (!InGenericLambda)
        return true;
    }
    if (!R.Enclosing || R.Enclosing->isDependentContext() ||
        !R.Enclosing->hasBody() || !isa<DeclRefExpr>(R.Ref))
      return false;
    return useStartsOnBlocking(R.Ref, R.Enclosing, *indexOf(R.Enclosing));
  });
}

bool ExecutorFacts::useStartsOnBlocking(const Expr *Object,
                                        const FunctionDecl *Enclosing,
                                        const BodyIndex &Index) {
  // The function object itself given to a spawn function.
  ValueUse Use = valueUse(Object, Index.Parents);
  if (spawnsOnBlocking(Use.User, Use.Child))
    return true;
  // Called (a lambda through its operator(), a function by name): the task
  // it returns spawned, or awaited where the enclosing coroutine runs on a
  // pool (a lazy task runs where it is awaited).
  const auto *Call = dyn_cast_or_null<CallExpr>(Use.User);
  if (!Call)
    return false;
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Operator->getOperator() != OO_Call || Operator->getNumArgs() == 0 ||
        Operator->getArg(0) != Use.Child)
      return false;
  } else if (Call->getCallee() != Use.Child) {
    return false;
  }
  ValueUse Task = valueUse(Call, Index.Parents);
  if (spawnsOnBlocking(Task.User, Task.Child))
    return true;
  // The task's own method starts it: `f().ToFuture(tp)`.
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(Task.User))
    if (const auto *Start =
            dyn_cast_or_null<CXXMemberCallExpr>(Index.Parents.parent(Member)))
      if (Start->getCallee()->IgnoreParens() == Member &&
          spawnsObjectOnBlocking(Start))
        return true;
  return isa_and_nonnull<CoawaitExpr>(Task.User) && isCoroutine(Enclosing) &&
         statementsOnBlockingExecutor(Enclosing).contains(Call);
}

/// The executor class an argument designates, through an implicit
/// conversion to a type-erased executor (`asio::any_io_executor` made from a
/// pool's executor).
static const CXXRecordDecl *executorArgumentClass(const Expr *E) {
  E = ignoreValueWrappers(E);
  // A converting constructor: one written argument, the others defaulted.
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E))
    if (Construct->getNumArgs() >= 1 &&
        !Construct->getConstructor()->isCopyOrMoveConstructor() &&
        llvm::all_of(llvm::drop_begin(Construct->arguments()),
                     [](const Expr *Arg) { return isa<CXXDefaultArgExpr>(Arg); }))
      E = ignoreValueWrappers(Construct->getArg(0));
  return E ? executorClass(E->getType()) : nullptr;
}

bool ExecutorFacts::spawnsOnBlocking(const Stmt *User,
                                     const Expr *Child) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(User);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Child)
    return false;
  for (const ExecutorVocabulary::Spawn &S : V.Spawns) {
    if (S.Task >= Call->getNumArgs() || Call->getArg(S.Task) != Child ||
        !S.Functions.matches(Callee))
      continue;
    const Expr *Executor = nullptr;
    if (S.Executor == ExecutorSpawn::ObjectArgument) {
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
        Executor = Member->getImplicitObjectArgument();
    } else if (static_cast<unsigned>(S.Executor) < Call->getNumArgs()) {
      Executor = Call->getArg(S.Executor);
    }
    const CXXRecordDecl *Class =
        Executor ? executorArgumentClass(Executor) : nullptr;
    if (Class && enclosingBlockingExecutor(Class, V))
      return true;
  }
  return false;
}

bool ExecutorFacts::spawnsObjectOnBlocking(
    const CXXMemberCallExpr *Call) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  for (const ExecutorVocabulary::Spawn &S : V.Spawns) {
    if (S.Task != ExecutorSpawn::ObjectTask || S.Executor < 0 ||
        static_cast<unsigned>(S.Executor) >= Call->getNumArgs() ||
        !S.Functions.matches(Callee))
      continue;
    const CXXRecordDecl *Class =
        executorArgumentClass(Call->getArg(S.Executor));
    if (Class && enclosingBlockingExecutor(Class, V))
      return true;
  }
  return false;
}

} // namespace clang::tidy::coro::utils
