//===--- SettledResultsUtilsTest.cpp - checks/utils/SettledResults --------===//
//
// The combinator classifier, handler and discard tests, and the unchecked
// access flow analysis, on self-contained snippets (no library headers).
//
//===----------------------------------------------------------------------===//

#include "checks/utils/Coroutines.h"
#include "checks/utils/Runtimes.h"
#include "checks/utils/SettledResults.h"
#include "checks/utils/ValueUse.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "StdCoroutineStandIn.h"
#include <string>
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::coro::utils;

namespace {

const std::string Prelude = std::string(coro_tidy::test::StdCoroutineStandIn) + R"cpp(
namespace std {
class exception { public: virtual ~exception(); };
class runtime_error : public exception {};
template <class... T> struct tuple {};
template <unsigned long I, class... T> int &get(tuple<T...> &);
template <class T> T &&move(T &);
}
namespace rt {
template <class T> struct Task {
  struct promise_type {
    Task get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void unhandled_exception();
    void return_value(T);
  };
  bool await_ready(); void await_suspend(std::coroutine_handle<>); T await_resume();
};
struct Settle {};
inline constexpr Settle settle{};
struct Result {
  bool ok() const;
  explicit operator bool() const;
  int value();
  void *error() const;
};
struct Pair { Result a, b; };
Task<int> work();
Task<int> gather(Task<int>, Task<int>);
Task<Pair> gather(Settle, Task<int>, Task<int>);
struct gather_all_t { Task<Pair> operator()(Task<int>, Task<int>) const; };
inline constexpr gather_all_t gather_all{};
}
)cpp";

CombinatorVocabulary vocabulary() {
  CombinatorVocabulary V;
  V.FailFast.add({"rt::gather"});
  V.Settled.add({"rt::gather", "rt::gather_all"});
  V.SettledTags.add({"rt::Settle"});
  V.CheckMethods.add({"rt::Result::ok", "rt::Result::operator bool"});
  V.FailureMethods.add({"rt::Result::error"});
  V.Accessors.add({"rt::Result::value"});
  return V;
}

class SettledResults : public ::testing::Test {
protected:
  void build(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + Code,
                                            {"-std=c++20", "-fsyntax-only"});
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  }
  const FunctionDecl *function(llvm::StringRef Name) {
    auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                       AST->getASTContext());
    return Found.empty() ? nullptr : Found[0].getNodeAs<FunctionDecl>("f");
  }
  std::vector<const CoawaitExpr *> allAwaits() {
    std::vector<const CoawaitExpr *> Result;
    for (const auto &Node : match(decl(forEachDescendant(coawaitExpr().bind("a"))),
                                  *AST->getASTContext().getTranslationUnitDecl(),
                                  AST->getASTContext()))
      if (!Node.getNodeAs<CoawaitExpr>("a")->isImplicit()) // initial/final
        Result.push_back(Node.getNodeAs<CoawaitExpr>("a"));
    return Result;
  }
  size_t unchecked(llvm::StringRef Name) {
    const FunctionDecl *F = function(Name);
    EXPECT_TRUE(F);
    return F ? findUncheckedAccesses(*F, Vocab, AST->getASTContext()).size()
             : 0;
  }
  std::unique_ptr<ASTUnit> AST;
  CombinatorVocabulary Vocab = vocabulary();
};

TEST_F(SettledResults, ClassifiesByTagTypeAndFunctionObject) {
  build(R"cpp(
rt::Task<int> f() {
  co_await rt::gather(rt::work(), rt::work());
  co_await rt::gather(rt::settle, rt::work(), rt::work());
  co_await rt::gather(rt::Settle{}, rt::work(), rt::work());
  co_await rt::gather_all(rt::work(), rt::work());
  co_await rt::work();
  co_return 0;
})cpp");
  std::vector<const CoawaitExpr *> A = allAwaits();
  ASSERT_EQ(A.size(), 5u);
  EXPECT_EQ(classifyCombinatorCall(awaitedCall(A[0]), Vocab),
            CombinatorKind::FailFast);
  EXPECT_EQ(classifyCombinatorCall(awaitedCall(A[1]), Vocab),
            CombinatorKind::Settled);
  EXPECT_EQ(classifyCombinatorCall(awaitedCall(A[2]), Vocab),
            CombinatorKind::Settled);
  EXPECT_EQ(classifyCombinatorCall(awaitedCall(A[3]), Vocab),
            CombinatorKind::Settled);
  EXPECT_EQ(classifyCombinatorCall(awaitedCall(A[4]), Vocab),
            CombinatorKind::None);
}

TEST_F(SettledResults, HandlersAndDiscards) {
  build(R"cpp(
rt::Task<int> f() {
  try { co_await rt::gather(rt::work(), rt::work()); } catch (...) {}
  try { co_await rt::gather(rt::work(), rt::work()); } catch (std::exception &) {}
  try { co_await rt::gather(rt::work(), rt::work()); } catch (std::runtime_error &) {}
  (void)co_await rt::gather(rt::settle, rt::work(), rt::work());
  int x = co_await rt::work();
  co_return x;
})cpp");
  std::vector<const CoawaitExpr *> A = allAwaits();
  ASSERT_EQ(A.size(), 5u);
  ASTContext &Ctx = AST->getASTContext();
  const FunctionDecl *F = function("f");
  ASSERT_TRUE(F);
  BodyParents Parents(*F);
  EXPECT_TRUE(isInsideCatchingTry(*A[0], Parents, Ctx));
  EXPECT_TRUE(isInsideCatchingTry(*A[1], Parents, Ctx));
  EXPECT_FALSE(isInsideCatchingTry(*A[2], Parents, Ctx));
  EXPECT_TRUE(isDiscardedValue(*A[0], Parents));
  EXPECT_FALSE(isDiscardedValue(*A[3], Parents)); // (void)
  EXPECT_FALSE(isDiscardedValue(*A[4], Parents)); // initialiser
}

TEST_F(SettledResults, BodyParentsStopAtLambdas) {
  build(R"cpp(
rt::Task<int> f() {
  try {
    auto l = []() -> rt::Task<int> { co_await rt::gather(rt::work(), rt::work()); co_return 0; };
    int x = co_await rt::gather(rt::work(), rt::work());
    co_return x;
  } catch (...) {}
  co_return 0;
})cpp");
  std::vector<const CoawaitExpr *> A = allAwaits();
  ASSERT_EQ(A.size(), 2u);
  ASTContext &Ctx = AST->getASTContext();
  const FunctionDecl *F = function("f");
  ASSERT_TRUE(F);
  BodyParents Outer(*F);
  // The lambda's body is its own scope: not in f's map.
  EXPECT_FALSE(Outer.contains(A[0]));
  EXPECT_TRUE(Outer.contains(A[1]));
  EXPECT_TRUE(isInsideCatchingTry(*A[1], Outer, Ctx));
  EXPECT_FALSE(isDiscardedValue(*A[1], Outer)); // initialiser
  EXPECT_TRUE(Outer.parentDecl(Outer.parent(A[1])) ||
              Outer.parentDecl(A[1]));
  const auto *Lambda = match(lambdaExpr().bind("l"), Ctx)[0]
                           .getNodeAs<LambdaExpr>("l");
  BodyParents Inner(*Lambda->getCallOperator());
  EXPECT_TRUE(Inner.contains(A[0]));
  EXPECT_FALSE(isInsideCatchingTry(*A[0], Inner, Ctx));
  EXPECT_TRUE(isDiscardedValue(*A[0], Inner));
}

TEST_F(SettledResults, FlowFollowsChecksAndPolarity) {
  build(R"cpp(
rt::Task<int> unchecked() {
  auto p = co_await rt::gather(rt::settle, rt::work(), rt::work());
  co_return p.a.value();
}
rt::Task<int> binding() {
  auto [a, b] = co_await rt::gather(rt::settle, rt::work(), rt::work());
  if (!a) co_return 0;
  if (b.error()) co_return b.value();
  co_return a.value() + b.value();
}
rt::Task<int> checked() {
  auto [a, b] = co_await rt::gather(rt::settle, rt::work(), rt::work());
  int x = a.ok() ? a.value() : 0;
  if (b.error() == nullptr && b.value() > 0) x += b.value();
  co_return x;
}
int notFromGather(rt::Result r) { return r.value(); }
)cpp");
  // Members of a struct are not element paths: p.a is not tracked.
  EXPECT_EQ(unchecked("unchecked"), 0u);
  // b.value() on the failure path; a checked by the early return.
  EXPECT_EQ(unchecked("binding"), 1u);
  EXPECT_EQ(unchecked("checked"), 0u);
}

TEST(RuntimesMatching, CallsThroughFunctionObjectsAndTemplateTypes) {
  auto AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + R"cpp(
void f() { rt::gather_all(rt::work(), rt::work()); }
rt::Task<long> t();
)cpp", {"-std=c++20"});
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  auto Calls = match(findAll(cxxOperatorCallExpr().bind("c")),
                     *match(functionDecl(hasName("f"), isDefinition()).bind("f"),
                            Ctx)[0].getNodeAs<FunctionDecl>("f")->getBody(),
                     Ctx);
  ASSERT_EQ(Calls.size(), 1u);
  QualifiedNameSet Objects({"rt::gather_all"});
  EXPECT_TRUE(Objects.matchesCall(Calls[0].getNodeAs<Expr>("c")));
  QualifiedNameSet Types({"rt::Task"});
  const auto *T = match(functionDecl(hasName("t")).bind("t"), Ctx)[0]
                      .getNodeAs<FunctionDecl>("t");
  EXPECT_TRUE(Types.matchesType(T->getReturnType()));
  EXPECT_FALSE(QualifiedNameSet({"rt::Result"}).matchesType(T->getReturnType()));
}

} // namespace
