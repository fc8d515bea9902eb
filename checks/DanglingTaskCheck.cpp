//===--- DanglingTaskCheck.cpp --------------------------------------------===//

#include "DanglingTaskCheck.h"
#include "utils/SettledResults.h"
#include "utils/OwnBody.h"
#include "utils/ValueUse.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {

DanglingTaskCheck::DanglingTaskCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      FlagAsioDetached(Options.get("FlagAsioDetached", false)),
      AllowCastToVoid(Options.getLocalOrGlobal("AllowCastToVoid", true)),
      SpawnFunctionsOption(Options, "SpawnFunctions",
                           utils::joinNames(utils::presetNames(
                               &utils::RuntimePreset::SpawnFunctions))),
      HandleTypesOption(Options, "HandleTypes",
                        utils::joinNames(utils::presetNames(
                            &utils::RuntimePreset::HandleTypes))),
      DetachedTokenTypesOption(Options, "DetachedTokenTypes",
                               utils::joinNames(utils::presetNames(
                                   &utils::RuntimePreset::DetachedTokenTypes))),
      Context(Context) {
  SpawnFunctions.add(SpawnFunctionsOption.names());
  HandleTypes.add(HandleTypesOption.names());
  DetachedTokenTypes.add(DetachedTokenTypesOption.names());
  // co_spawn (and cobalt::spawn) is an Asio initiating function: with
  // use_awaitable it returns an asio::awaitable, with deferred a deferred
  // operation, and either launches the spawn only when it is awaited (or
  // invoked with a token). An asio::awaitable never runs before it is
  // awaited or spawned, whoever returned it.
  UnstartedOperationTypes.add({"boost::asio::awaitable", "asio::awaitable"});
  UnstartedOperationTypes.add(
      utils::presetNames(&utils::RuntimePreset::DeferredOperationTypes));
}

void DanglingTaskCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "FlagAsioDetached", FlagAsioDetached);
  Options.store(Opts, "AllowCastToVoid", AllowCastToVoid);
  SpawnFunctionsOption.store(Options, Opts);
  HandleTypesOption.store(Options, Opts);
  DetachedTokenTypesOption.store(Options, Opts);
}

void DanglingTaskCheck::registerMatchers(MatchFinder *Finder) {
  // Findings in system headers are never shown; see UnhandledGatherCheck.
  // Each function (and lambda) body is walked once for its calls; their
  // context comes from that body's parent map, built only when a call
  // produces a task handle, never from the whole translation unit's map.
  auto User = unless(isExpansionInSystemHeader());
  Finder->addMatcher(functionDecl(User, isDefinition()).bind("function"),
                     this);
  Finder->addMatcher(lambdaExpr(User).bind("lambda"), this);
}

namespace {
/// The calls of one body (utils/OwnBody.h).
class CallCollector : public utils::OwnBodyVisitor<CallCollector> {
public:
  bool VisitCallExpr(CallExpr *Call) {
    Calls.push_back(Call);
    return true;
  }
  std::vector<const CallExpr *> Calls;
};
} // namespace

void DanglingTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *F = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    F = Lambda->getCallOperator();
  if (!F || !F->getBody() || !Seen.insert(F->getCanonicalDecl()).second)
    return;
  CallCollector Collector;
  Collector.TraverseStmt(F->getBody());
  const SourceManager &SM = *Result.SourceManager;
  FunctionParents Parents{F, std::nullopt};
  for (const CallExpr *Call : Collector.Calls)
    if (!SM.isInSystemHeader(SM.getExpansionLoc(Call->getBeginLoc())))
      checkCall(Call, Parents, *Result.Context);
}

const utils::BodyParents &DanglingTaskCheck::FunctionParents::get() {
  if (!Map)
    Map.emplace(*Function);
  return *Map;
}

bool DanglingTaskCheck::firstReport(SourceLocation Loc) {
  return Reported.first(Loc);
}

std::pair<std::string, std::string>
DanglingTaskCheck::subject(const CallExpr *Call, bool IsSpawn) const {
  QualType Type = Call->getType();
  if (!IsSpawn || !UnstartedOperationTypes.matchesType(Type))
    return {"handle of the task started by '" + producer(Call) + "'", ""};
  // The type as written is a return-type computation hundreds of
  // characters long: name its class template.
  const CXXRecordDecl *RD = utils::getRecord(Type);
  std::string TypeName = RD ? utils::qualifiedName(RD) : "";
  return {"operation returned by '" + producer(Call) + "' (type '" +
              TypeName + "')",
          "; the task is never spawned"};
}

std::string DanglingTaskCheck::producer(const CallExpr *Call) const {
  if (SpawnFunctions.matchesCall(Call))
    if (const FunctionDecl *FD = Call->getDirectCallee())
      return utils::qualifiedName(FD);
  if (const FunctionDecl *FD = Call->getDirectCallee())
    return utils::describeFunction(FD);
  return "call";
}

static bool isStdIgnore(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref && utils::qualifiedName(Ref->getDecl()) == "std::ignore";
}

bool DanglingTaskCheck::deferToMissingCoAwait(const CallExpr *Call,
                                              bool IsSpawn, ASTContext &Ctx) {
  // The ownership rule (both docs pages): a dropped awaitable is
  // coro-missing-co-await's finding unless a spawn function made it, which
  // that check ignores. The rule is fixed, so each check reports the same
  // lines whichever others run.
  if (IsSpawn)
    return false;
  if (!Classifier)
    Classifier = std::make_unique<utils::CoroutineTypeClassifier>(Ctx);
  return Classifier->isAwaitable(Call->getType());
}

void DanglingTaskCheck::checkCall(const CallExpr *Call,
                                  FunctionParents &Parents, ASTContext &Ctx) {
  if (Call->isTypeDependent() || Call->isInstantiationDependent())
    return;
  QualType Type = Call->getType();
  bool IsSpawn = SpawnFunctions.matchesCall(Call);
  if (IsSpawn && Type->isVoidType()) {
    checkDetached(Call, Ctx);
    return;
  }
  // A reference to an existing handle (operator=, accessors) is no new task.
  if (Type->isVoidType() || !Call->isPRValue() || Type->isPointerType())
    return;
  if (!IsSpawn && !HandleTypes.matchesType(Type))
    return;

  utils::ValueUse Use = utils::valueUse(Call, Parents.get());
  const Expr *Child = Use.Child;
  std::pair<std::string, std::string> What = subject(Call, IsSpawn);
  SourceLocation Loc = Call->getBeginLoc();

  if (const auto *Var = dyn_cast_or_null<VarDecl>(Use.Declaration)) {
    if (Var->getInit() && !isa<ParmVarDecl>(Var))
      checkLocal(Var, Call, IsSpawn, Parents, Ctx);
    return;
  }
  if (const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(Use.User)) {
    if (!Cast->getType()->isVoidType())
      return;
    // Where (void) is no deliberate discard, coro-missing-co-await reports
    // the cast of an awaitable: the global AllowCastToVoid keeps the two
    // checks' policies in step.
    if (!AllowCastToVoid && deferToMissingCoAwait(Call, IsSpawn, Ctx))
      return;
    if (firstReport(Loc))
      diag(Loc, "%0 is cast to void%1") << What.first << What.second;
    return;
  }
  if (const auto *Assign =
          dyn_cast_or_null<CXXOperatorCallExpr>(Use.User)) {
    if (Assign->getOperator() == OO_Equal && Assign->getNumArgs() == 2 &&
        isStdIgnore(Assign->getArg(0)) && Assign->getArg(1) == Child &&
        firstReport(Loc))
      diag(Loc, "%0 is assigned to std::ignore%1") << What.first
                                                   << What.second;
    return;
  }
  if (!Use.Declaration && utils::isDiscardedValue(*Call, Parents.get())) {
    if (deferToMissingCoAwait(Call, IsSpawn, Ctx) || !firstReport(Loc))
      return;
    diag(Loc, "%0 is discarded%1") << What.first << What.second;
  }
}

namespace {
class RefCollector : public RecursiveASTVisitor<RefCollector> {
public:
  explicit RefCollector(const VarDecl *Var) : Var(Var) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl()->getCanonicalDecl() == Var->getCanonicalDecl())
      Refs.push_back(Ref);
    return true;
  }
  const VarDecl *Var;
  std::vector<const DeclRefExpr *> Refs;
};
} // namespace

/// A use that keeps nothing: the object of a const member function that
/// returns a scalar (`done()`, `ready()`, `isReady()`, `operator bool`).
static bool isTrivialQuery(const DeclRefExpr *Ref,
                           const utils::BodyParents &Parents) {
  const Stmt *Child = Ref;
  while (const Stmt *P = Parents.parent(Child)) {
    if (Parents.parentDecl(Child))
      return false;
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P);
        Cast && Cast->getCastKind() == CK_NoOp) {
      Child = P;
      continue;
    }
    if (isa<ParenExpr>(P)) {
      Child = P;
      continue;
    }
    const auto *Member = dyn_cast<MemberExpr>(P);
    if (!Member || Member->getBase() != Child)
      return false;
    if (Parents.parentDecl(Member))
      return false;
    const auto *Call =
        dyn_cast_or_null<CXXMemberCallExpr>(Parents.parent(Member));
    if (!Call || Call->getCallee() != Member)
      return false;
    const CXXMethodDecl *MD = Call->getMethodDecl();
    return MD && MD->isConst() && MD->getReturnType()->isScalarType();
  }
  return false;
}

void DanglingTaskCheck::checkLocal(const VarDecl *Var, const CallExpr *Call,
                                   bool IsSpawn, FunctionParents &Parents,
                                   ASTContext &Ctx) {
  if (!Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      isa<DecompositionDecl>(Var))
    return;
  const auto *Enclosing =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  if (!Enclosing || !Enclosing->getBody())
    return;
  RefCollector Collector(Var);
  Collector.TraverseStmt(Enclosing->getBody());
  bool Unused = Collector.Refs.empty();
  // A lambda's init-capture belongs to the lambda's call operator.
  std::optional<utils::BodyParents> Other;
  const utils::BodyParents *Map = nullptr;
  if (!Unused) {
    if (Enclosing->getCanonicalDecl() == Parents.Function->getCanonicalDecl() &&
        Enclosing->getBody() == Parents.Function->getBody()) {
      Map = &Parents.get();
    } else {
      Other.emplace(*Enclosing);
      Map = &*Other;
    }
  }
  if (!Unused)
    for (const DeclRefExpr *Ref : Collector.Refs)
      if (!isTrivialQuery(Ref, *Map))
        return; // awaited, cancelled, moved, stored, returned, captured...
  if (Unused && !Var->hasAttr<UnusedAttr>() &&
      deferToMissingCoAwait(Call, IsSpawn, Ctx))
    return;
  if (!firstReport(Var->getLocation()))
    return;
  std::pair<std::string, std::string> What = subject(Call, IsSpawn);
  diag(Var->getLocation(), "'%0' holds the %1 but is %2%3")
      << Var->getName() << What.first
      << (Unused ? "never used" : "only queried") << What.second;
}

/// True if the coroutine behind \p Task (a call of a coroutine, a lambda
/// coroutine, or a function) may let an exception escape: unknown bodies
/// may; a body that is one try statement with a `catch (...)` may not.
static bool mayThrow(const Expr *Task) {
  Task = utils::ignoreValueWrappers(Task);
  const FunctionDecl *FD = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(Task))
    FD = Call->getDirectCallee();
  else if (const auto *Lambda = dyn_cast<LambdaExpr>(Task))
    FD = Lambda->getCallOperator();
  else if (const auto *Ref = dyn_cast<DeclRefExpr>(Task))
    FD = dyn_cast<FunctionDecl>(Ref->getDecl());
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def) || !Def)
    return true;
  const Stmt *Body = Def->getBody();
  if (const auto *Coro = dyn_cast<CoroutineBodyStmt>(Body))
    Body = Coro->getBody();
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Block || Block->size() != 1)
    return true;
  const auto *Try = dyn_cast<CXXTryStmt>(Block->body_front());
  if (!Try)
    return true;
  for (unsigned I = 0, N = Try->getNumHandlers(); I < N; ++I)
    if (Try->getHandler(I)->getCaughtType().isNull())
      return false;
  return true;
}

void DanglingTaskCheck::checkDetached(const CallExpr *Call, ASTContext &Ctx) {
  if (!FlagAsioDetached || Call->getNumArgs() < 3)
    return;
  // The completion token follows the executor and the task; defaulted
  // trailing parameters (asio's constraints) are not written by the user.
  bool Detached = false;
  for (unsigned I = 2, N = Call->getNumArgs(); I < N; ++I) {
    const Expr *Arg = Call->getArg(I);
    if (!isa<CXXDefaultArgExpr>(Arg) &&
        DetachedTokenTypes.matchesType(Arg->getType()))
      Detached = true;
  }
  if (!Detached)
    return;
  const Expr *Task = Call->getArg(1);
  if (!mayThrow(Task))
    return;
  if (!firstReport(Call->getBeginLoc()))
    return;
  std::string What = "the task";
  if (const FunctionDecl *FD = utils::getCalleeDecl(Task))
    What = "coroutine '" + utils::describeFunction(FD) + "'";
  else if (isa<LambdaExpr>(utils::ignoreValueWrappers(Task)))
    What = "the lambda coroutine";
  const FunctionDecl *Spawn = Call->getDirectCallee();
  diag(Call->getBeginLoc(), "'%0' with 'detached' drops any exception of %1")
      << (Spawn ? utils::qualifiedName(Spawn) : std::string("spawn")) << What;
}

} // namespace clang::tidy::coro
