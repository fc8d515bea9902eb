//===--- ValueUseUtilsTest.cpp - checks/utils/ValueUse and OwnBody --------===//
//
// Where a value goes (transports, discarded positions, receivers) and which
// statements belong to a body, on self-contained snippets.
//
//===----------------------------------------------------------------------===//

#include "checks/utils/BodyParents.h"
#include "checks/utils/OwnBody.h"
#include "checks/utils/ValueUse.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <memory>
#include <set>
#include <string>

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::coro::utils;

namespace {

class ValueUseTest : public ::testing::Test {
protected:
  void build(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(
        "struct T { T(); T(const T &); ~T(); int v; };\n"
        "T make(); int num(); void take(T);\n" + Code,
        {"-std=c++20"});
    ASSERT_TRUE(AST);
  }
  ASTContext &ctx() { return AST->getASTContext(); }
  const FunctionDecl *function(llvm::StringRef Name) {
    auto M = match(functionDecl(hasName(Name), isDefinition()).bind("f"), ctx());
    return M.empty() ? nullptr : M[0].getNodeAs<FunctionDecl>("f");
  }
  /// The calls of `make()` or `num()` in source order.
  std::vector<const CallExpr *> calls(llvm::StringRef Callee) {
    std::vector<const CallExpr *> Out;
    for (const BoundNodes &N :
         match(callExpr(callee(functionDecl(hasName(Callee)))).bind("c"),
               ctx()))
      Out.push_back(N.getNodeAs<CallExpr>("c"));
    std::sort(Out.begin(), Out.end(), [&](const CallExpr *A, const CallExpr *B) {
      return ctx().getSourceManager().isBeforeInTranslationUnit(
          A->getBeginLoc(), B->getBeginLoc());
    });
    return Out;
  }
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(ValueUseTest, DiscardedPositions) {
  build(R"cpp(
void f(bool b) {
  num();                          // 0 statement
  if (b) num(); else num();       // 1, 2 branches
  while (b) num();                // 3 loop body
  for (;; num()) break;           // 4 increment
  num(), num();                   // 5 comma left, 6 comma right: discarded
  b ? num() : num();              // 7, 8 conditional branches: discarded
  [[likely]] num();               // 9 attributed
  (void)num();                    // 10 deliberate discard
  int x = num();                  // 11 initialiser
  int y = ({ num(); num(); });    // 12 discarded, 13 the value
  take(make());                   // (make) an argument
  x = b ? num() : 0;              // 14 assigned
}
)cpp");
  const FunctionDecl *F = function("f");
  ASSERT_TRUE(F);
  BodyParents Parents(*F);
  std::vector<const CallExpr *> C = calls("num");
  ASSERT_EQ(C.size(), 15u);
  std::vector<bool> Expected{true,  true,  true, true, true,
                             true,  true,  true, true, true,
                             false, false, true, false, false};
  for (size_t I = 0; I < C.size(); ++I)
    EXPECT_EQ(isDiscardedValue(*C[I], Parents), Expected[I]) << "call " << I;
  std::vector<const CallExpr *> M = calls("make");
  ASSERT_EQ(M.size(), 1u);
  EXPECT_FALSE(isDiscardedValue(*M[0], Parents));
}

TEST_F(ValueUseTest, TransportsUpAndDown) {
  build(R"cpp(
void f() {
  T a = make();
  T b = T(make());
  take(make());
}
)cpp");
  const FunctionDecl *F = function("f");
  ASSERT_TRUE(F);
  BodyParents Parents(*F);
  std::vector<const CallExpr *> M = calls("make");
  ASSERT_EQ(M.size(), 3u);
  // Through the temporaries to the variable.
  ValueUse A = valueUse(M[0], Parents);
  EXPECT_TRUE(A.Declaration && isa<VarDecl>(A.Declaration));
  EXPECT_EQ(ignoreValueWrappers(cast<VarDecl>(A.Declaration)->getInit()), M[0]);
  ValueUse B = valueUse(M[1], Parents);
  EXPECT_TRUE(B.Declaration && isa<VarDecl>(B.Declaration));
  // An argument: the call receives it.
  ValueUse C = valueUse(M[2], Parents);
  EXPECT_FALSE(C.Declaration);
  ASSERT_TRUE(C.User);
  EXPECT_TRUE(isa<CallExpr>(C.User));
  EXPECT_EQ(ignoreValueWrappers(C.Child), M[2]);
}

TEST_F(ValueUseTest, ExpressionStatements) {
  build(R"cpp(
void f(bool b) {
  take(make());
  if (b) take(make());
  int x = (take(make()), 1);
}
)cpp");
  const FunctionDecl *F = function("f");
  ASSERT_TRUE(F);
  BodyParents Parents(*F);
  std::vector<const CallExpr *> Take = calls("take");
  ASSERT_EQ(Take.size(), 3u);
  EXPECT_TRUE(isExpressionStatement(*Take[0], Parents));
  EXPECT_FALSE(isExpressionStatement(*Take[1], Parents)); // a branch
  EXPECT_FALSE(isExpressionStatement(*Take[2], Parents));
}

/// The calls an OwnBodyVisitor visits.
class CallNames : public OwnBodyVisitor<CallNames> {
public:
  using OwnBodyVisitor::OwnBodyVisitor;
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *FD = Call->getDirectCallee())
      if (FD->getIdentifier())
        Names.insert(FD->getName().str());
    return true;
  }
  std::set<std::string> Names;
};

TEST_F(ValueUseTest, OwnBodyRule) {
  build(R"cpp(
int captured(); int inLambda(); int inLocalClass(); int inSizeof();
int inDecltype(); int inNoexcept(); int taken(); int discarded(); int own();
int kept(); int dropped();
template <bool B> int pick() {
  if constexpr (B) return taken(); else return discarded();
}
void f() {
  own();
  auto l = [c = captured()] { return inLambda(); };
  struct Local { int g() { return inLocalClass(); } };
  (void)sizeof(inSizeof());
  decltype(inDecltype()) d = 0;
  bool n = noexcept(inNoexcept());
  (void)pick<true>();
  if constexpr (sizeof(int) > 1) kept(); else dropped();
}
)cpp");
  const FunctionDecl *F = function("f");
  ASSERT_TRUE(F);
  CallNames Visitor(&ctx());
  Visitor.TraverseStmt(F->getBody());
  EXPECT_EQ(Visitor.Names,
            (std::set<std::string>{"own", "captured", "pick", "kept"}));

  // The instantiated template's body: only the branch that is kept.
  auto M = match(functionDecl(hasName("pick"), isTemplateInstantiation())
                     .bind("p"),
                 ctx());
  ASSERT_EQ(M.size(), 1u);
  CallNames Pick(&ctx());
  Pick.TraverseStmt(M[0].getNodeAs<FunctionDecl>("p")->getBody());
  EXPECT_EQ(Pick.Names, (std::set<std::string>{"taken"}));
}

} // namespace
