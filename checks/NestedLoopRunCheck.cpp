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

// "Event loop entry point" is the check's word for every listed function
// (EntryPoints): not all of them run a loop on the calling thread
// (drogon::sync_wait waits for another thread, io_context::poll returns
// when nothing is ready), and what a nested one does (deadlock, starve or
// re-enter the outer loop, throw) depends on the runtime: the docs page
// says which.
/// What every chain's headline says between the helper and the entry point.
static constexpr llvm::StringLiteral ReachesEntryPoint =
    "can reach event loop entry point";
/// What every last step of a chain says of its callee.
static constexpr llvm::StringLiteral AnEntryPoint = "an event loop entry point";

const utils::ChainWording &NestedLoopRunCheck::chainWording() {
  static const utils::ChainWording Wording = {
      [](StringRef Entry, StringRef Coroutine) {
        return ("call to event loop entry point '" + Entry + "' in " +
                Coroutine)
            .str();
      },
      [](StringRef Helper, StringRef Coroutine, StringRef Entry) {
        return ("call to '" + Helper + "' in " + Coroutine + " " +
                ReachesEntryPoint + " '" + Entry + "'")
            .str();
      },
      [](StringRef Caller, StringRef Callee) {
        return ("'" + Caller + "' calls '" + Callee + "'").str();
      },
      [](StringRef Caller, StringRef Entry) {
        return ("'" + Caller + "' calls '" + Entry +
                "', " + AnEntryPoint)
            .str();
      },
      [](StringRef Override, StringRef Method, bool EveryOverride) {
        if (Override == Method) // The method's own body.
          return ("'" + Method + "' can reach " + AnEntryPoint +
                  (EveryOverride ? ", and so can every override in the "
                                   "project"
                                 : ""))
              .str();
        return ("'" + Override + "' overrides '" + Method +
                "' and can reach " + AnEntryPoint +
                (EveryOverride ? " (every override in the project can)"
                               : ""))
            .str();
      },
      ReachesEntryPoint, AnEntryPoint};
  return Wording;
}

NestedLoopRunCheck::NestedLoopRunCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      EntryPointsOption(Options, "EntryPoints",
                        utils::joinNames(utils::presetNames(
                            &utils::RuntimePreset::EntryPoints))),
      MaxCallDepth(Options.get("MaxCallDepth", 8u)),
      Project(Name, Context, Options, {utils::describeFunction, describeEntryPoint,
                        describeCoroutine,
                        [](const FunctionDecl *) {
                          return utils::FunctionFacts::Mark::None;
                        }}) {
  if (!Project.invalidOption().empty())
    configurationDiag(Project.invalidOption());
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
  Project.storeOptions(Options, Opts);
}

void NestedLoopRunCheck::onEndOfTranslationUnit() {
  if (Project.recording())
    Project.finish(finder(), MaxCallDepth);
  Reported.clear();
  Finder.reset();
  Checked.clear();
}

utils::CallChainFinder &NestedLoopRunCheck::finder() {
  return utils::lazyFinder(
      Finder, MaxCallDepth,
      [this](const Expr *Call, const FunctionDecl *Callee) {
        return classify(Call, Callee);
      });
}

void NestedLoopRunCheck::registerMatchers(MatchFinder *MatchFinder) {
  utils::matchCoroutineDefinitions(*MatchFinder, this);
  Project.registerMatchers(MatchFinder, this);
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
  if (Project.check(Result))
    return;
  const FunctionDecl *Coroutine = utils::matchedCoroutine(Result, Checked);
  if (!Coroutine)
    return;
  ASTContext &Ctx = *Result.Context;
  utils::forEachOwnCall(Coroutine, [&](const utils::CallStep &Step) {
    if (std::optional<utils::CallChain> Chain = finder().chainFor(Step))
      reportEntryPoint(*Chain, Coroutine);
    else if (finder().verdict(Step) == utils::CallVerdict::Follow)
      Project.leftOpen(Coroutine, Step);
  }, /*SkipColdPaths=*/true);
  checkSpawnedFutures(Coroutine, Ctx);
}

void NestedLoopRunCheck::reportEntryPoint(const utils::CallChain &Chain,
                                          const FunctionDecl *Coroutine) {
  const utils::CallStep &First = Chain.front();
  const utils::CallStep &Sink = Chain.back();
  if (!Reported.first(First.location()))
    return;
  std::string Entry = describeEntryPoint(Sink);
  std::string Where = describeCoroutine(Coroutine);
  const utils::ChainWording &Wording = chainWording();
  if (Chain.size() == 1) {
    diag(First.location(), "%0") << Wording.Direct(Entry, Where);
    return;
  }
  diag(First.location(), "%0") << Wording.Headline(
      utils::describeFunction(First.Callee), Where, Entry);
  for (size_t I = 1; I < Chain.size(); ++I) {
    std::string Caller = utils::describeFunction(Chain[I - 1].Callee);
    diag(Chain[I].location(), "%0", DiagnosticIDs::Note)
        << (I + 1 < Chain.size()
                ? Wording.Step(Caller,
                               utils::describeFunction(Chain[I].Callee))
                : Wording.Last(Caller, Entry));
  }
}

void NestedLoopRunCheck::checkSpawnedFutures(const FunctionDecl *Coroutine,
                                             ASTContext &Ctx) {
  for (const utils::LoopFutureWait &Found :
       utils::findLoopFutureWaits(Coroutine, Ctx)) {
    if (!Reported.first(Found.Wait->getExprLoc(), 1))
      continue;
    // A deadlock when the executor is this coroutine's own loop and no
    // other thread runs it; the executor is only known to be one that may
    // be (SpawnedFutures.h).
    diag(Found.Wait->getExprLoc(),
         "'std::future::%0' in %1 waits for a task co_spawned with "
         "'use_future' and may deadlock")
        << Found.Wait->getMethodDecl()->getName()
        << describeCoroutine(Coroutine);
    diag(Found.Spawn->getBeginLoc(), "the future comes from this 'co_spawn'",
         DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::coro
