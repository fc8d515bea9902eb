//===--- NestedLoopRunCheck.cpp -------------------------------------------===//

#include "NestedLoopRunCheck.h"
#include "utils/CoroutineMatchers.h"
#include "utils/Coroutines.h"
#include "utils/SpawnedFutures.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

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

} // namespace

NestedLoopRunCheck::NestedLoopRunCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      EntryPointsOption(Options, "EntryPoints",
                        utils::joinNames(utils::presetNames(
                            &utils::RuntimePreset::EntryPoints))),
      MaxCallDepth(Options.get("MaxCallDepth", 8u)) {
  EntryPoints.add(EntryPointsOption.names());
  std::vector<std::string> Names(std::begin(DefaultElsewhere),
                                 std::end(DefaultElsewhere));
  Elsewhere.add(Names);
  SpawnFunctions.add(
      utils::presetNames(&utils::RuntimePreset::SpawnFunctions));
}

void NestedLoopRunCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  EntryPointsOption.store(Options, Opts);
  Options.store(Opts, "MaxCallDepth", MaxCallDepth);
}

void NestedLoopRunCheck::registerMatchers(MatchFinder *MatchFinder) {
  utils::matchCoroutineDefinitions(*MatchFinder, this);
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
  const FunctionDecl *Coroutine = utils::matchedCoroutine(Result, Checked);
  if (!Coroutine)
    return;
  ASTContext &Ctx = *Result.Context;
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
  }, /*SkipColdPaths=*/true);
  checkSpawnedFutures(Coroutine, Ctx);
}

void NestedLoopRunCheck::reportEntryPoint(const utils::CallChain &Chain,
                                          const FunctionDecl *Coroutine) {
  const utils::CallStep &First = Chain.front();
  const utils::CallStep &Sink = Chain.back();
  if (!Reported.first(First.Call->getBeginLoc()))
    return;
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
  for (const utils::LoopFutureWait &Found :
       utils::findLoopFutureWaits(Coroutine, Ctx)) {
    if (!Reported.first(Found.Wait->getExprLoc(), 1))
      continue;
    diag(Found.Wait->getExprLoc(),
         "'std::future::%0' waits, inside %1, for a task that 'co_spawn' "
         "started with 'use_future': the task can only run when the event "
         "loop this coroutine runs on gets control back, which it never does "
         "while the coroutine blocks: deadlock; co_await the task instead "
         "(co_spawn it with 'use_awaitable', or co_await it directly)")
        << Found.Wait->getMethodDecl()->getName()
        << describeCoroutine(Coroutine);
    diag(Found.Spawn->getBeginLoc(), "the future comes from this 'co_spawn'",
         DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::coro
