//===--- NestedLoopRunCheck.cpp -------------------------------------------===//

#include "NestedLoopRunCheck.h"
#include "utils/Coroutines.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {

namespace {

/// Functions that run the callable or task they are given somewhere else
/// (another thread, later on the loop): a loop entry point inside it is not
/// run by the coroutine.
const char *const DefaultElsewhere[] = {
    "corio::run_in_executor", "std::async", "std::thread::thread",
    "std::jthread::jthread", "boost::asio::post", "boost::asio::dispatch",
    "boost::asio::defer", "asio::post", "asio::dispatch", "asio::defer",
};

/// Completion tokens that make co_spawn return a std::future.
const char *const UseFutureTokens[] = {"boost::asio::use_future_t",
                                       "asio::use_future_t"};

/// Executors whose threads are not the caller's event loop: blocking on a
/// task spawned there blocks (coro-blocking-call's finding) but does not
/// deadlock the loop.
const char *const OtherThreadExecutors[] = {
    "boost::asio::thread_pool",  "asio::thread_pool",
    "boost::asio::system_context", "asio::system_context",
    "boost::asio::basic_system_executor", "asio::basic_system_executor",
};

std::string describeCoroutine(const FunctionDecl *Coroutine) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Coroutine))
    if (MD->getParent()->isLambda())
      return "coroutine lambda";
  return "coroutine '" + utils::describeFunction(Coroutine) + "'";
}

/// The entry point as the user named it: the function object's variable for
/// customisation-point objects (`folly::coro::blockingWait`), the function
/// otherwise.
std::string describeEntryPoint(const utils::CallStep &Step) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Step.Call);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
      return utils::qualifiedName(Ref->getDecl());
  return utils::qualifiedName(Step.Callee);
}

/// True if \p RD or a class enclosing it is named in \p Names.
bool classOrOuterIn(const CXXRecordDecl *RD,
                    const utils::QualifiedNameSet &Names) {
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
  const CXXRecordDecl *RD = utils::getRecord(T);
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == "future";
}

} // namespace

NestedLoopRunCheck::NestedLoopRunCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      EntryPointsOption(Options.get(
          "EntryPoints", utils::joinNames(utils::presetNames(
                             &utils::RuntimePreset::EntryPoints)))),
      MaxCallDepth(Options.get("MaxCallDepth", 8u)) {
  EntryPoints.add(utils::parseNameList(EntryPointsOption));
  std::vector<std::string> Names(std::begin(DefaultElsewhere),
                                 std::end(DefaultElsewhere));
  Elsewhere.add(Names);
  SpawnFunctions.add(
      utils::presetNames(&utils::RuntimePreset::SpawnFunctions));
}

void NestedLoopRunCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "EntryPoints", EntryPointsOption);
  Options.store(Opts, "MaxCallDepth", MaxCallDepth);
}

void NestedLoopRunCheck::registerMatchers(MatchFinder *MatchFinder) {
  // One match per coroutine body; its calls are then walked directly.
  MatchFinder->addMatcher(coroutineBodyStmt().bind("body"), this);
}

utils::CallVerdict NestedLoopRunCheck::classify(const Expr *Call,
                                                const FunctionDecl *Callee) {
  if (EntryPoints.matches(Callee) || EntryPoints.matchesCall(Call))
    return utils::CallVerdict::Sink;
  if (Elsewhere.matches(Callee) || SpawnFunctions.matches(Callee))
    return utils::CallVerdict::Opaque;
  return utils::CallVerdict::Follow;
}

void NestedLoopRunCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Body = Result.Nodes.getNodeAs<CoroutineBodyStmt>("body");
  if (!Body)
    return;
  ASTContext &Ctx = *Result.Context;
  const FunctionDecl *Coroutine = utils::getEnclosingFunction(*Body, Ctx);
  if (!Coroutine || Coroutine->getBody() != Body)
    return;
  // Templates are checked in their instantiations, where calls resolve.
  if (Coroutine->isDependentContext())
    return;
  if (!Finder) {
    utils::CallChainFinder::Options Opts;
    Opts.MaxDepth = MaxCallDepth;
    Finder = std::make_unique<utils::CallChainFinder>(
        [this](const Expr *Call, const FunctionDecl *Callee) {
          return classify(Call, Callee);
        },
        Opts);
  }
  utils::forEachOwnCall(Coroutine, [&](const utils::CallStep &Step) {
    if (std::optional<utils::CallChain> Chain = Finder->chainFor(Step))
      reportEntryPoint(*Chain, Coroutine);
  });
  checkSpawnedFutures(Coroutine, Ctx);
}

void NestedLoopRunCheck::reportEntryPoint(const utils::CallChain &Chain,
                                          const FunctionDecl *Coroutine) {
  const utils::CallStep &First = Chain.front();
  const utils::CallStep &Sink = Chain.back();
  std::string Entry = describeEntryPoint(Sink);
  std::string Where = describeCoroutine(Coroutine);
  static constexpr llvm::StringLiteral Advice =
      "a coroutine already runs on an event loop, and a nested run "
      "deadlocks or re-enters it; co_await the task instead, or start it "
      "concurrently with create_task";
  if (Chain.size() == 1) {
    diag(First.Call->getBeginLoc(), "'%0' runs an event loop inside %1; %2")
        << Entry << Where << Advice;
    return;
  }
  diag(First.Call->getBeginLoc(),
       "'%0' runs an event loop inside %1: it calls '%2'; %3")
      << utils::describeFunction(First.Callee) << Where << Entry << Advice;
  for (size_t I = 1; I < Chain.size(); ++I) {
    const FunctionDecl *Caller = Chain[I - 1].Callee;
    if (I + 1 < Chain.size())
      diag(Chain[I].Call->getBeginLoc(), "'%0' calls '%1'",
           DiagnosticIDs::Note)
          << utils::describeFunction(Caller)
          << utils::describeFunction(Chain[I].Callee);
    else
      diag(Chain[I].Call->getBeginLoc(),
           "'%0' calls '%1', which runs an event loop", DiagnosticIDs::Note)
          << utils::describeFunction(Caller) << Entry;
  }
}

void NestedLoopRunCheck::checkSpawnedFutures(const FunctionDecl *Coroutine,
                                             ASTContext &Ctx) {
  utils::QualifiedNameSet Tokens, OtherThreads;
  for (const char *Name : UseFutureTokens)
    Tokens.addName(Name);
  for (const char *Name : OtherThreadExecutors)
    OtherThreads.addName(Name);

  // co_spawn(executor, task, use_future) onto an executor that may be the
  // loop this coroutine runs on.
  auto IsLoopFutureSpawn = [&](const utils::CallStep &Step) {
    const auto *Call = dyn_cast<CallExpr>(Step.Call);
    if (!Call || Call->getNumArgs() < 2)
      return false;
    std::string Name = utils::qualifiedName(Step.Callee);
    if (Name != "boost::asio::co_spawn" && Name != "asio::co_spawn")
      return false;
    // The completion token (trailing defaulted parameters aside).
    bool UseFuture = llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
      return !isa<CXXDefaultArgExpr>(Arg) && Tokens.matchesType(Arg->getType());
    });
    if (!UseFuture)
      return false;
    if (!isStdFuture(Call->getType()))
      return false;
    if (const CXXRecordDecl *Executor =
            utils::getRecord(Call->getArg(0)->getType()))
      if (classOrOuterIn(Executor, OtherThreads))
        return false;
    return true;
  };

  llvm::SmallVector<const CallExpr *, 4> Spawns;
  llvm::SmallVector<const CXXMemberCallExpr *, 4> Waits;
  utils::forEachOwnCall(Coroutine, [&](const utils::CallStep &Step) {
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
    if (isStdFuture(Member->getImplicitObjectArgument()->IgnoreImplicit()->getType()))
      Waits.push_back(Member);
  });
  if (Spawns.empty() || Waits.empty())
    return;

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
    if (!Spawn)
      continue;
    diag(Wait->getExprLoc(),
         "'std::future::%0' waits, inside %1, for a task that 'co_spawn' "
         "started with 'use_future': the task can only run when the event "
         "loop this coroutine runs on gets control back, which it never does "
         "while the coroutine blocks: deadlock; co_await the task instead "
         "(co_spawn it with 'use_awaitable', or co_await it directly)")
        << Wait->getMethodDecl()->getName() << describeCoroutine(Coroutine);
    diag(Spawn->getBeginLoc(), "the future comes from this 'co_spawn'",
         DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::coro
