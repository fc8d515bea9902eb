//===--- UnhandledGatherCheck.cpp -----------------------------------------===//

#include "UnhandledGatherCheck.h"
#include "utils/CoroutineMatchers.h"
#include "utils/Coroutines.h"
#include "utils/OwnBody.h"
#include "utils/ValueUse.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <optional>

using namespace clang::ast_matchers;

namespace clang::tidy::coro {

namespace {
using utils::RuntimePreset;
std::string defaults(std::vector<llvm::StringRef> RuntimePreset::*Field) {
  return utils::joinNames(utils::presetNames(Field));
}
} // namespace

UnhandledGatherCheck::UnhandledGatherCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RequireHandler(Options.get("RequireHandler", true)),
      FlowVisitsPerBlock(
          Options.get("FlowVisitsPerBlock", utils::DefaultVisitsPerBlock)),
      FailFastOption(Options, "FailFastCombinators", defaults(&RuntimePreset::FailFastCombinators)),
      SettledOption(Options, "SettledCombinators", defaults(&RuntimePreset::SettledCombinators)),
      SettledTagsOption(Options, "SettledTagTypes", defaults(&RuntimePreset::SettledTagTypes)),
      CheckMethodsOption(Options, "ResultCheckMethods", defaults(&RuntimePreset::ResultCheckMethods)),
      FailureMethodsOption(Options, "ResultFailureMethods", defaults(&RuntimePreset::ResultFailureMethods)),
      AccessorsOption(Options, "ResultAccessors", defaults(&RuntimePreset::ResultAccessors)) {
  Vocab.FailFast.add(FailFastOption.names());
  Vocab.Settled.add(SettledOption.names());
  Vocab.SettledTags.add(SettledTagsOption.names());
  Vocab.CheckMethods.add(CheckMethodsOption.names());
  Vocab.FailureMethods.add(FailureMethodsOption.names());
  Vocab.Accessors.add(AccessorsOption.names());
  NoValueTypes = utils::presetNames(&RuntimePreset::NoValueTypes);
  for (const RuntimePreset &Preset : utils::runtimePresets()) {
    if (Preset.FailFastCombinators.empty() || Preset.SettledForm.empty())
      continue;
    utils::QualifiedNameSet Names;
    for (llvm::StringRef Name : Preset.FailFastCombinators)
      Names.addName(Name);
    Alternatives.emplace_back(std::move(Names), Preset.SettledForm.str());
  }
}

void UnhandledGatherCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RequireHandler", RequireHandler);
  Options.store(Opts, "FlowVisitsPerBlock", FlowVisitsPerBlock);
  FailFastOption.store(Options, Opts);
  SettledOption.store(Options, Opts);
  SettledTagsOption.store(Options, Opts);
  CheckMethodsOption.store(Options, Opts);
  FailureMethodsOption.store(Options, Opts);
  AccessorsOption.store(Options, Opts);
}

void UnhandledGatherCheck::registerMatchers(MatchFinder *Finder) {
  // Each coroutine once (outside system headers, whose findings are never
  // shown); its co_await expressions are found by walking its body, and the
  // questions about their context are answered from that body's parent map,
  // never from the parent map of the whole translation unit.
  utils::matchCoroutineDefinitions(*Finder, this);
}

void UnhandledGatherCheck::check(const MatchFinder::MatchResult &Result) {
  if (const FunctionDecl *F = utils::matchedCoroutine(Result, Seen))
    checkCoroutine(F, *Result.Context);
}

bool UnhandledGatherCheck::firstReport(SourceLocation Loc, unsigned Kind) {
  return Reported.first(Loc, Kind);
}

/// How messages name a coroutine: "coroutine 'f'", "coroutine lambda".
static std::string describeCoroutine(const FunctionDecl *Coroutine) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Coroutine))
    if (MD->getParent()->isLambda())
      return "coroutine lambda";
  return "coroutine '" + utils::describeFunction(Coroutine) + "'";
}

/// The combinator as the user named it: `corio::gather`, `operator&&`,
/// `stdexec::when_all` (a function object: its variable).
static std::string combinatorName(const CallExpr *Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
      return utils::qualifiedName(Ref->getDecl());
  if (const FunctionDecl *FD = Call->getDirectCallee())
    return utils::qualifiedName(FD);
  return "combinator";
}

std::string
UnhandledGatherCheck::settledAlternative(const CallExpr *Call) const {
  for (const auto &[Names, Form] : Alternatives)
    if (Names.matchesCall(Call))
      return Form;
  return "";
}

void UnhandledGatherCheck::checkAwait(const CoawaitExpr *Await,
                                      const CallExpr *Call,
                                      utils::CombinatorKind Kind,
                                      const FunctionDecl *Coroutine,
                                      const utils::BodyParents &Parents,
                                      ASTContext &Ctx) {
  std::string Name = combinatorName(Call);

  if (Kind == utils::CombinatorKind::FailFast) {
    if (!RequireHandler || utils::isInsideCatchingTry(*Await, Parents, Ctx))
      return;
    // Children that produce no value (a watchdog `a && b` of two
    // awaitable<void>; the runtimes' placeholders for void children): a
    // failure discards no result, and failing fast is usually the point.
    if (utils::producesNoValue(Await->getType(), NoValueTypes))
      return;
    if (!firstReport(Await->getBeginLoc(), 0))
      return;
    // Not "the exception propagates out of the coroutine": a handler for a
    // narrower type may catch it. The settled form, where the runtime has
    // one, is the note's advice; the rest is on the docs page.
    diag(Await->getBeginLoc(),
         "'%0' fails fast and is awaited outside a try block that catches "
         "std::exception in %1")
        << Name << describeCoroutine(Coroutine);
    std::string Alternative = settledAlternative(Call);
    if (!Alternative.empty())
      diag(Await->getBeginLoc(),
           "the settled form '%0' keeps every result, to check each one",
           DiagnosticIDs::Note)
          << Alternative;
    return;
  }

  // Settled: the results are the only record of the failures.
  if (utils::isDiscardedValue(*Await, Parents) &&
      firstReport(Await->getBeginLoc(), 1))
    diag(Await->getBeginLoc(),
         "settled results of '%0' are discarded with any failure they hold")
        << Name;
}

namespace {
/// The co_await expressions of one body (utils/OwnBody.h).
class AwaitCollector : public utils::OwnBodyVisitor<AwaitCollector> {
public:
  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    Awaits.push_back(Await);
    return true;
  }
  std::vector<const CoawaitExpr *> Awaits;
};
} // namespace

void UnhandledGatherCheck::checkCoroutine(const FunctionDecl *F,
                                          ASTContext &Ctx) {
  AwaitCollector Collector;
  Collector.TraverseStmt(F->getBody());
  // The body's parent map, built when a question first needs it.
  std::optional<utils::BodyParents> Parents;
  for (const CoawaitExpr *Await : Collector.Awaits) {
    if (Await->isInstantiationDependent())
      continue;
    const CallExpr *Call = utils::awaitedCall(Await);
    if (!Call)
      continue;
    utils::CombinatorKind Kind = utils::classifyCombinatorCall(Call, Vocab);
    if (Kind == utils::CombinatorKind::None)
      continue;
    if (!Parents)
      Parents.emplace(*F);
    checkAwait(Await, Call, Kind, F, *Parents, Ctx);
  }

  utils::DataflowOutcome Outcome;
  std::vector<utils::UncheckedAccess> Accesses = utils::findUncheckedAccesses(
      *F, Vocab, Ctx, Parents ? &*Parents : nullptr, &Outcome,
      FlowVisitsPerBlock);
  if (!Outcome.Converged && firstReport(F->getLocation(), 3))
    diag(F->getLocation(), utils::IncompleteFlowMessage)
        << utils::describeFunction(F) << Outcome.Steps;
  for (const utils::UncheckedAccess &Access : Accesses) {
    SourceLocation Loc = Access.Access->getExprLoc();
    if (!firstReport(Loc, 2))
      continue;
    std::string Origin = Access.Origin
                             ? "'" + combinatorName(Access.Origin) + "'"
                             : "a settled combinator";
    // Not "it rethrows": some accessors (boost::system::result's
    // operator*) are undefined on a failure rather than throwing.
    diag(Loc, "settled result '%0' of %1 is accessed with '%2' on a path "
              "%select{that does not check it|where it holds a failure}3")
        << Access.ResultName << Origin << Access.Accessor
        << (Access.KnownFailed ? 1 : 0);
  }
}

} // namespace clang::tidy::coro
