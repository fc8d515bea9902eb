//===--- CoroutineMatchers.cpp --------------------------------------------===//

#include "CoroutineMatchers.h"
#include "Coroutines.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro::utils {

void matchCoroutineDefinitions(MatchFinder &Finder,
                               MatchFinder::MatchCallback *Callback) {
  auto User = unless(isExpansionInSystemHeader());
  Finder.addMatcher(
      functionDecl(User, isDefinition(), hasBody(coroutineBodyStmt()))
          .bind("coroutine-fn"),
      Callback);
  Finder.addMatcher(lambdaExpr(User).bind("coroutine-lambda"), Callback);
}

const FunctionDecl *matchedCoroutine(const MatchFinder::MatchResult &Result,
                                     llvm::DenseSet<const FunctionDecl *> &Seen) {
  const FunctionDecl *Coroutine =
      Result.Nodes.getNodeAs<FunctionDecl>("coroutine-fn");
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("coroutine-lambda"))
    Coroutine = Lambda->getCallOperator();
  if (!Coroutine || !isCoroutine(Coroutine) || Coroutine->isDependentContext() ||
      !Seen.insert(Coroutine->getCanonicalDecl()).second)
    return nullptr;
  return Coroutine;
}

} // namespace clang::tidy::coro::utils
