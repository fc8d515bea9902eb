//===--- MissingCoAwaitCheck.cpp ------------------------------------------===//

#include "MissingCoAwaitCheck.h"
#include "utils/ValueUse.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {

/// The runtime table's futures and the standard library's (awaitable only
/// where a library declares an operator co_await for them).
static std::string defaultFutureTypes() {
  std::vector<std::string> Names = {"std::future", "std::shared_future"};
  for (std::string &Name :
       utils::presetNames(&utils::RuntimePreset::FutureTypes))
    Names.push_back(std::move(Name));
  return utils::joinNames(Names);
}

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
              &utils::RuntimePreset::DeferredOperationTypes))),
      FutureTypesOption(Options, "FutureTypes", defaultFutureTypes()),
      UnstartedConversionsOption(
          Options, "UnstartedConversions",
          utils::joinNames(utils::presetNames(
              &utils::RuntimePreset::UnstartedConversions))) {
  IgnoredFunctions.add(IgnoredFunctionsOption.names());
  DeferredOperationTypes.add(DeferredOperationTypesOption.names());
  FutureTypes.add(FutureTypesOption.names());
  UnstartedConversions.add(UnstartedConversionsOption.names());
}

bool MissingCoAwaitCheck::isLostWork(const Expr *Call, ASTContext &Ctx) {
  QualType T = Call->getType();
  return classifier(Ctx).isAwaitable(T) ||
         DeferredOperationTypes.matchesType(T) ||
         UnstartedConversions.matchesCall(Call);
}

void MissingCoAwaitCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowCastToVoid", AllowCastToVoid);
  IgnoredFunctionsOption.store(Options, Opts);
  DeferredOperationTypesOption.store(Options, Opts);
  FutureTypesOption.store(Options, Opts);
  UnstartedConversionsOption.store(Options, Opts);
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
  if (!isLostWork(E, Ctx))
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
  if (!isLostWork(Init, Ctx))
    return;
  const FunctionDecl *Enclosing = dyn_cast_or_null<FunctionDecl>(
      Var->getParentFunctionOrMethod());
  if (!Enclosing || !Enclosing->getBody())
    return;
  if (References.isReferencedIn(Var, Enclosing->getBody()))
    return;
  report(Init, Ctx, /*Discarded=*/false, Var);
}

/// Names what produced the awaitable: "coroutine 'fetch_data'" when the
/// callee's definition shows that it is a coroutine, "'fetch_data'"
/// otherwise (a declaration may be a coroutine or a function returning a
/// task), "coroutine lambda" or "lambda" for a lambda.
static std::string describeProducer(const Expr *Call, bool Deferred) {
  const FunctionDecl *Callee = utils::getCalleeDecl(Call);
  if (!Callee)
    return "a call";
  // A function object (`folly::coro::co_invoke(...)`): the object's name,
  // as the call is written.
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(
          utils::ignoreValueWrappers(Call));
      Op && Op->getOperator() == OO_Call && Method &&
      !Method->getParent()->isLambda())
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
      return "'" + Ref->getDecl()->getName().str() + "'";
  // `basic_waitable_timer::async_wait`, not its template arguments.
  if (Deferred)
    if (const FunctionTemplateDecl *Primary = Callee->getPrimaryTemplate())
      Callee = Primary->getTemplatedDecl();
  const FunctionDecl *Def = Callee->getDefinition();
  bool IsCoroutine = Def && utils::isCoroutine(Def);
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
      MD && MD->getParent()->isLambda())
    return IsCoroutine ? "coroutine lambda" : "lambda";
  std::string Name = "'" + utils::describeFunction(Callee) + "'";
  return IsCoroutine ? "coroutine " + Name : Name;
}

/// True if objects of class \p RD can be copied: copies of a task may share
/// its coroutine, which another copy may have started (cppcoro's
/// shared_task). Unknown classes count as copyable.
static bool isCopyable(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return true;
  RD = RD->getDefinition();
  if (RD->needsImplicitCopyConstructor())
    // A declared move constructor or move assignment deletes the implicit
    // copy constructor ([class.copy.ctor]/6).
    return !RD->hasUserDeclaredMoveConstructor() &&
           !RD->hasUserDeclaredMoveAssignment() &&
           !RD->defaultedCopyConstructorIsDeleted();
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (Ctor->isCopyConstructor() && !Ctor->isDeleted())
      return true;
  return false;
}

void MissingCoAwaitCheck::report(const Expr *Call, ASTContext &Ctx,
                                 bool Discarded, const VarDecl *Var) {
  if (const FunctionDecl *Callee = utils::getCalleeDecl(Call))
    if (IgnoredFunctions.matches(Callee))
      return;
  QualType Type = Call->getType();
  utils::CoroutineTypeKind Kind = classifier(Ctx).classify(Type);
  // A deferred operation is no awaitable by its type: awaiting it needs a
  // promise whose await_transform accepts it (asio::awaitable's does).
  bool Deferred = !utils::isAwaitableKind(Kind) &&
                  DeferredOperationTypes.matchesType(Type);
  // A lazy task turned into a handle that does not start it
  // (`std::move(task).semi()`).
  bool Unstarted = !utils::isAwaitableKind(Kind) && !Deferred &&
                   UnstartedConversions.matchesCall(Call);
  std::string Producer = describeProducer(Call, Deferred);
  std::string TypeName = utils::spelledType(Type, Ctx);
  // A deferred operation's type is spelled as a return-type computation
  // hundreds of characters long: name its class template instead.
  if (Deferred)
    if (const CXXRecordDecl *RD = utils::getRecord(Type))
      TypeName = utils::qualifiedName(RD);

  // What is lost, said only where it is always true (docs: "What the
  // message says"). A future's or an eager task's operation runs anyway:
  // no co_await fix-it for them, since waiting for it here, later or never
  // is the author's choice.
  std::string Consequence;
  bool OffersFix = true;

  if (FutureTypes.matchesType(Type)) {
    Consequence = "; the operation is not stopped, but its result and "
                  "failure are lost";
    OffersFix = false;
  } else if (Kind == utils::CoroutineTypeKind::EagerTask) {
    Consequence = "; the task has started, but its result and failure are "
                  "lost";
    OffersFix = false;
  } else if (Unstarted) {
    Consequence = "; the lazy task never runs";
    OffersFix = false;
  } else if (Kind == utils::CoroutineTypeKind::LazyTask ||
             Kind == utils::CoroutineTypeKind::TransformedTask) {
    // A task just made by a coroutine, or one that cannot be shared with a
    // copy that someone else starts.
    if (llvm::StringRef(Producer).starts_with("coroutine ") ||
        !isCopyable(utils::getRecord(Type)))
      Consequence = "; the lazy task never runs";
  } else if (Deferred) {
    Consequence = "; the operation never starts";
  }

  const FunctionDecl *Coroutine = utils::getEnclosingCoroutine(*Call, Ctx);
  const FunctionDecl *Enclosing =
      Coroutine ? Coroutine : utils::getEnclosingFunction(*Call, Ctx);

  SourceLocation Loc = Var ? Var->getLocation() : Call->getBeginLoc();
  if (!Reported.first(Loc))
    return;
  if (Var) {
    diag(Loc, "'%0' holds the result of %1 (type '%2') but is never "
              "awaited%3")
        << Var->getName() << Producer << TypeName << Consequence;
    return;
  }

  {
    auto D = diag(Loc, "result of %0 (type '%1') is never awaited%2")
             << Producer << TypeName << Consequence;
    if (!OffersFix)
      return;
    if (Coroutine) {
      // Only where `co_await` would compile: an operand that is no
      // awaitable by itself needs a promise that transforms it.
      bool Awaitable =
          Deferred ? !utils::promiseAwaitTransforms(Coroutine).empty()
                   : classifier(Ctx).awaitableIn(Type, Coroutine);
      // No fix-it inside macro expansions: the text is not the user's.
      if (Awaitable && !Call->getBeginLoc().isMacroID())
        D << FixItHint::CreateInsertion(Call->getBeginLoc(), "co_await ");
      if (Awaitable)
        return;
    }
  }
  if (Coroutine) {
    diag(Loc, "no fix-it: the promise of '%0' cannot co_await it",
         DiagnosticIDs::Note)
        << utils::describeFunction(Coroutine);
    return;
  }
  if (Enclosing)
    diag(Loc, "no fix-it: '%0' is not a coroutine", DiagnosticIDs::Note)
        << utils::describeFunction(Enclosing);
}

} // namespace clang::tidy::coro
