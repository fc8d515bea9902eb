//===--- MissingCoAwaitCheck.cpp ------------------------------------------===//

#include "MissingCoAwaitCheck.h"
#include "utils/ValueUse.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {

MissingCoAwaitCheck::MissingCoAwaitCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      // A global option too: coro-dangling-task reads the same policy.
      AllowCastToVoid(Options.getLocalOrGlobal("AllowCastToVoid", true)),
      // Spawn functions return a handle of a task that already runs: losing
      // it is coro-dangling-task's finding, not a missing co_await.
      IgnoredFunctionsOption(Options, "IgnoredFunctions",
                             utils::joinNames(utils::presetNames(
                                 &utils::RuntimePreset::SpawnFunctions))),
      DeferredOperationTypesOption(
          Options, "DeferredOperationTypes",
          utils::joinNames(utils::presetNames(
              &utils::RuntimePreset::DeferredOperationTypes))) {
  IgnoredFunctions.add(IgnoredFunctionsOption.names());
  DeferredOperationTypes.add(DeferredOperationTypesOption.names());
}

bool MissingCoAwaitCheck::isLostWork(QualType T, ASTContext &Ctx) {
  return classifier(Ctx).isAwaitable(T) ||
         DeferredOperationTypes.matchesType(T);
}

void MissingCoAwaitCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowCastToVoid", AllowCastToVoid);
  IgnoredFunctionsOption.store(Options, Opts);
  DeferredOperationTypesOption.store(Options, Opts);
}

utils::CoroutineTypeClassifier &
MissingCoAwaitCheck::classifier(ASTContext &Ctx) {
  if (!Classifier)
    Classifier = std::make_unique<utils::CoroutineTypeClassifier>(Ctx);
  return *Classifier;
}

void MissingCoAwaitCheck::registerMatchers(MatchFinder *Finder) {
  // Statements whose direct sub-statements are evaluated and discarded.
  // Looking at these few statement kinds (rather than climbing from every
  // call to its parents) keeps the check cheap on large translation units.
  // A statement expression's value is its last statement: remember them
  // (traversal visits the StmtExpr before its body) instead of asking the
  // parent map, which would be built for the whole translation unit.
  // System headers are skipped: their findings are never shown, and under
  // stock clang-tidy (which walks all of them) they are most of the nodes.
  auto User = unless(isExpansionInSystemHeader());
  Finder->addMatcher(stmtExpr(User).bind("stmt-expr"), this);
  Finder->addMatcher(compoundStmt(User).bind("block"), this);
  // One matcher per statement kind, so MatchFinder only tries each on nodes
  // of that kind (a `stmt(anyOf(...))` would run on every statement).
  Finder->addMatcher(ifStmt(User).bind("control"), this);
  Finder->addMatcher(whileStmt(User).bind("control"), this);
  Finder->addMatcher(doStmt(User).bind("control"), this);
  Finder->addMatcher(forStmt(User).bind("control"), this);
  Finder->addMatcher(cxxForRangeStmt(User).bind("control"), this);
  Finder->addMatcher(switchCase(User).bind("control"), this);
  Finder->addMatcher(labelStmt(User).bind("control"), this);
  Finder->addMatcher(varDecl(User, hasLocalStorage(), unless(parmVarDecl()),
                             hasInitializer(expr()))
                         .bind("local"),
                     this);
}

void MissingCoAwaitCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (const auto *SE = Result.Nodes.getNodeAs<StmtExpr>("stmt-expr")) {
    StmtExprBodies.insert(SE->getSubStmt());
    return;
  }
  // The children of a block or a control statement in discarded positions
  // (utils::isDiscardedPosition: one rule for every check).
  const Stmt *Parent = Result.Nodes.getNodeAs<CompoundStmt>("block");
  if (!Parent)
    Parent = Result.Nodes.getNodeAs<Stmt>("control");
  if (Parent) {
    bool IsStmtExprBody =
        isa<CompoundStmt>(Parent) && StmtExprBodies.contains(Parent);
    utils::forEachDiscardedChild(Parent, IsStmtExprBody,
                                 [&](const Expr *E) { checkDiscarded(E, Ctx); });
    return;
  }
  if (const auto *Var = Result.Nodes.getNodeAs<VarDecl>("local"))
    checkUnusedLocal(Var, Ctx);
}

void MissingCoAwaitCheck::checkDiscarded(const Expr *E, ASTContext &Ctx) {
  if (E->isTypeDependent() || E->isInstantiationDependent())
    return;
  E = utils::ignoreValueWrappers(E);
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    if (Cast->getType()->isVoidType()) {
      if (AllowCastToVoid)
        return;
      checkDiscarded(Cast->getSubExpr(), Ctx);
    }
    return;
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    checkDiscarded(Cond->getTrueExpr(), Ctx);
    checkDiscarded(Cond->getFalseExpr(), Ctx);
    return;
  }
  if (const auto *Comma = dyn_cast<BinaryOperator>(E)) {
    if (Comma->getOpcode() == BO_Comma) {
      checkDiscarded(Comma->getLHS(), Ctx);
      checkDiscarded(Comma->getRHS(), Ctx);
    }
    return;
  }
  // Only a prvalue is new work; a call returning a reference (an accessor,
  // emplace_back) hands back an object that lives elsewhere.
  if (!isa<CallExpr>(E) || !E->isPRValue())
    return;
  if (!isLostWork(E->getType(), Ctx))
    return;
  report(E, Ctx, /*Discarded=*/true, nullptr);
}

void MissingCoAwaitCheck::checkUnusedLocal(const VarDecl *Var,
                                           ASTContext &Ctx) {
  if (Var->isInitCapture() || Var->hasAttr<UnusedAttr>() ||
      isa<DecompositionDecl>(Var) || Var->getType()->isReferenceType() ||
      Var->isExceptionVariable())
    return;
  const Expr *Init = utils::ignoreValueWrappers(Var->getInit());
  if (!Init || !isa<CallExpr>(Init) || !Init->isPRValue() ||
      Init->isInstantiationDependent())
    return;
  if (!isLostWork(Var->getType(), Ctx))
    return;
  const FunctionDecl *Enclosing = dyn_cast_or_null<FunctionDecl>(
      Var->getParentFunctionOrMethod());
  if (!Enclosing || !Enclosing->getBody())
    return;
  if (References.isReferencedIn(Var, Enclosing->getBody()))
    return;
  report(Init, Ctx, /*Discarded=*/false, Var);
}

/// Describes what produced the awaitable, e.g. "coroutine 'fetch_data'".
static std::string describeProducer(const Expr *Call,
                                    utils::CoroutineTypeKind Kind) {
  const FunctionDecl *Callee = utils::getCalleeDecl(Call);
  std::string Name;
  if (Callee) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
        MD && MD->getParent()->isLambda())
      Name = "lambda";
    else
      Name = "'" + utils::describeFunction(Callee) + "'";
  } else {
    Name = "call";
  }
  bool IsTask = Kind == utils::CoroutineTypeKind::LazyTask ||
                Kind == utils::CoroutineTypeKind::EagerTask;
  // A plain function that returns a task (a forwarder, a factory) is not
  // itself a coroutine; say so when its body shows it.
  if (IsTask && Callee)
    if (const FunctionDecl *Def = Callee->getDefinition();
        Def && !utils::isCoroutine(Def) && Name != "lambda")
      return "function " + Name;
  return (IsTask ? "coroutine " : "awaitable ") + Name;
}

/// True if the promise of \p Coroutine declares await_transform, so
/// `co_await` applies to operands that are no awaitables by themselves.
static bool promiseTransformsAwaits(const FunctionDecl *Coroutine,
                                    ASTContext &Ctx) {
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(Coroutine->getBody());
  if (!Body || !Body->getPromiseDecl())
    return false;
  const CXXRecordDecl *Promise =
      utils::getRecord(Body->getPromiseDecl()->getType());
  if (!Promise || !Promise->hasDefinition())
    return false;
  DeclarationName Name(&Ctx.Idents.get("await_transform"));
  if (!Promise->lookup(Name).empty())
    return true;
  bool Found = false;
  Promise->forallBases([&](const CXXRecordDecl *Base) {
    Found = !Base->lookup(Name).empty();
    return !Found;
  });
  return Found;
}

void MissingCoAwaitCheck::report(const Expr *Call, ASTContext &Ctx,
                                 bool Discarded, const VarDecl *Var) {
  if (const FunctionDecl *Callee = utils::getCalleeDecl(Call))
    if (IgnoredFunctions.matches(Callee))
      return;
  utils::CoroutineTypeKind Kind = classifier(Ctx).classify(Call->getType());
  std::string Producer = describeProducer(Call, Kind);
  // A deferred operation is no awaitable by its type: awaiting it needs a
  // promise whose await_transform accepts it (asio::awaitable's does).
  bool Deferred = !utils::isAwaitableKind(Kind) &&
                  DeferredOperationTypes.matchesType(Call->getType());
  if (Deferred)
    if (const FunctionDecl *Callee = utils::getCalleeDecl(Call)) {
      // `basic_waitable_timer::async_wait`, not its template arguments.
      if (const FunctionTemplateDecl *Primary = Callee->getPrimaryTemplate())
        Callee = Primary->getTemplatedDecl();
      Producer = "asynchronous operation '" +
                 utils::describeFunction(Callee) + "'";
    }
  std::string TypeName =
      Call->getType().getUnqualifiedType().getAsString(Ctx.getPrintingPolicy());
  // A deferred operation's type is spelled as a return-type computation
  // hundreds of characters long: name its class template instead.
  if (Deferred)
    if (const CXXRecordDecl *RD = utils::getRecord(Call->getType()))
      TypeName = utils::qualifiedName(RD);

  std::string Consequence;
  switch (Kind) {
  case utils::CoroutineTypeKind::LazyTask:
    Consequence = "the coroutine does not run until it is co_awaited";
    break;
  case utils::CoroutineTypeKind::EagerTask:
    Consequence = "its result and any exception it throws are lost";
    break;
  default:
    if (Deferred) {
      Consequence = "the deferred operation does not start until it is "
                    "co_awaited or invoked with a completion token";
      break;
    }
    // An awaitable may be a lazy operation (it runs only when awaited) or
    // the handle of one already running (a future): say what holds for
    // both.
    Consequence = "nothing awaits it: the operation does not run, or runs "
                  "unobserved and its failure is lost";
    break;
  }

  const FunctionDecl *Coroutine = utils::getEnclosingCoroutine(*Call, Ctx);
  const FunctionDecl *Enclosing =
      Coroutine ? Coroutine : utils::getEnclosingFunction(*Call, Ctx);

  SourceLocation Loc = Var ? Var->getLocation() : Call->getBeginLoc();
  if (!Reported.first(Loc))
    return;
  if (Var) {
    diag(Loc, "'%0' holds the result of %1 (type '%2') but is never "
                       "awaited; %3")
             << Var->getName() << Producer << TypeName << Consequence;
    return;
  }

  {
    auto D = diag(Loc, "result of %0 (type '%1') is never awaited; %2")
             << Producer << TypeName << Consequence;
    if (Coroutine) {
      // No fix-it inside macro expansions: the text is not the user's; for
      // a deferred operation, only where the promise can transform it.
      if (!Call->getBeginLoc().isMacroID() &&
          (!Deferred || promiseTransformsAwaits(Coroutine, Ctx)))
        D << FixItHint::CreateInsertion(Call->getBeginLoc(), "co_await ");
      return;
    }
  }
  if (Enclosing)
    diag(Loc,
         "no fix-it: '%0' is not a coroutine and cannot co_await; make it a "
         "coroutine, or hand the task to the event loop (run, create_task)",
         DiagnosticIDs::Note)
        << utils::describeFunction(Enclosing);
}

} // namespace clang::tidy::coro
