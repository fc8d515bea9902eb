//===--- LockAcrossSuspendCheck.cpp ---------------------------------------===//

#include "LockAcrossSuspendCheck.h"
#include "utils/CoroutineMatchers.h"
#include "utils/Coroutines.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {

static constexpr llvm::StringLiteral DefaultLockTypes =
    "std::lock_guard;std::unique_lock;std::scoped_lock;std::shared_lock";

// The std mutexes whose own lock() blocks the thread; classes with the
// `capability` attribute count too.
static constexpr llvm::StringLiteral DefaultMutexTypes =
    "std::mutex;std::timed_mutex;std::recursive_mutex;"
    "std::recursive_timed_mutex;std::shared_mutex;std::shared_timed_mutex";

LockAcrossSuspendCheck::LockAcrossSuspendCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      LockTypesOption(Options, "LockTypes", DefaultLockTypes),
      MutexTypesOption(Options, "MutexTypes", DefaultMutexTypes),
      AllowedAwaitablesOption(Options.get("AllowedAwaitables", "").str()),
      FlowVisitsPerBlock(
          Options.get("FlowVisitsPerBlock", utils::DefaultVisitsPerBlock)) {
  FlowOptions.LockTypes.add(LockTypesOption.names());
  FlowOptions.MutexTypes.add(MutexTypesOption.names());
  FlowOptions.VisitsPerBlock = FlowVisitsPerBlock;
  FlowOptions.AllowedAwaitables.add(
      utils::parseNameList(AllowedAwaitablesOption));
}

void LockAcrossSuspendCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  LockTypesOption.store(Options, Opts);
  MutexTypesOption.store(Options, Opts);
  Options.store(Opts, "AllowedAwaitables", AllowedAwaitablesOption);
  Options.store(Opts, "FlowVisitsPerBlock", FlowVisitsPerBlock);
}

void LockAcrossSuspendCheck::registerMatchers(MatchFinder *Finder) {
  utils::matchCoroutineDefinitions(*Finder, this);
}

/// How messages name a coroutine: "coroutine 'f'", "coroutine lambda".
static std::string describeCoroutine(const FunctionDecl *Coroutine) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Coroutine))
    if (MD->getParent()->isLambda())
      return "coroutine lambda";
  return "coroutine '" + utils::describeFunction(Coroutine) + "'";
}

void LockAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Coroutine = utils::matchedCoroutine(Result, Checked);
  if (!Coroutine)
    return;
  ASTContext &Ctx = *Result.Context;
  if (!Classifier)
    Classifier = std::make_unique<utils::CoroutineTypeClassifier>(Ctx);
  utils::DataflowOutcome Outcome;
  std::vector<utils::LockHeldAcrossSuspension> Findings =
      utils::findLocksHeldAcrossSuspension(Coroutine, Ctx, FlowOptions,
                                           Classifier.get(), &Outcome);
  if (!Outcome.Converged)
    diag(Coroutine->getLocation(), utils::IncompleteFlowMessage)
        << utils::describeFunction(Coroutine) << Outcome.Steps;
  for (const utils::LockHeldAcrossSuspension &Finding : Findings) {
    const VarDecl *Lock = Finding.Lock;
    SourceLocation Where =
        Lock ? Lock->getLocation() : Finding.Mutex->getBeginLoc();
    if (!Reported.first(Where))
      continue;
    QualType Type = Lock ? Lock->getType() : Finding.Mutex->getType();
    if (Type->isPointerType()) // `p->lock()`: the mutex p points to
      Type = Type->getPointeeType();
    std::string TypeName =
        Type.getCanonicalType().getUnqualifiedType().getAsString(
            Ctx.getPrintingPolicy());
    std::string Name = Lock ? Lock->getName().str()
                            : utils::spelledText(Finding.Mutex, Ctx);
    // "May": the flow merges paths (held on one branch is held after it)
    // and a try_lock may fail. What holding it costs is on the docs page.
    diag(Where, Lock ? "lock '%0' (type '%1') may be held across %2 "
                       "suspension point%s2 of %3"
                     : "mutex '%0' (type '%1') locked here may be held "
                       "across %2 suspension point%s2 of %3")
        << Name << TypeName
        << static_cast<unsigned>(Finding.Suspensions.size())
        << describeCoroutine(Coroutine);
    for (const CoroutineSuspendExpr *Suspend : Finding.Suspensions)
      diag(Suspend->getKeywordLoc(), "'%0' may still be held at this %1",
           DiagnosticIDs::Note)
          << Name << (isa<CoyieldExpr>(Suspend) ? "co_yield" : "co_await");
  }
}

} // namespace clang::tidy::coro
