//===--- ForwardDataflowUtilsTest.cpp - checks/utils/ForwardDataflow ------===//
//
// The solver on small problems over real CFGs: a may-analysis and a
// must-analysis with edge refinement, reverse post-order (each block of a
// loop-free function visited once), the replay pass, and a step limit that
// is reported.
//
//===----------------------------------------------------------------------===//

#include "checks/utils/ForwardDataflow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringRef.h"
#include "gtest/gtest.h"
#include <map>
#include <memory>
#include <set>
#include <string>

using namespace clang;
using namespace clang::tidy::coro::utils;

namespace {

struct Parsed {
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<CFG> Cfg;
};

/// Parses \p Code and builds the CFG of its function `f`.
Parsed cfgOf(const std::string &Code) {
  Parsed P;
  P.AST = tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
  ASTContext &Ctx = P.AST->getASTContext();
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *F = dyn_cast<FunctionDecl>(D))
      if (F->getName() == "f" && F->hasBody()) {
        CFG::BuildOptions Options;
        Options.setAllAlwaysAdd();
        P.Cfg = CFG::buildCFG(F, F->getBody(), &Ctx, Options);
      }
  return P;
}

/// The names of the functions called in \p Block.
std::vector<std::string> callsIn(const CFGBlock &Block) {
  std::vector<std::string> Names;
  for (const CFGElement &E : Block)
    if (std::optional<CFGStmt> S = E.getAs<CFGStmt>())
      if (const auto *Call = dyn_cast<CallExpr>(S->getStmt()))
        if (const FunctionDecl *FD = Call->getDirectCallee())
          Names.push_back(FD->getName().str());
  return Names;
}

/// Which of `a()`, `b()`, `c()` may have been called (union) or must have
/// been called (intersection) before each call of `use()`; `if (ok())`
/// counts as a call of `checked` on its true edge only.
struct CalledBefore {
  using State = std::set<std::string>;
  bool Must = false;
  std::vector<State> AtUse; // report pass: the state at each use()
  unsigned Visits = 0;

  State initialState() const { return {}; }
  void transfer(const CFGBlock &Block, State &S, DataflowPass Pass) {
    if (Pass == DataflowPass::Solve)
      ++Visits;
    for (const std::string &Name : callsIn(Block)) {
      if (Name == "use") {
        if (Pass == DataflowPass::Report)
          AtUse.push_back(S);
      } else if (Name != "ok") {
        S.insert(Name);
      }
    }
  }
  void refine(const CFGBlock &From, unsigned SuccIndex, State &S) const {
    if (SuccIndex != 0 || From.succ_size() != 2)
      return;
    if (const auto *Cond = dyn_cast_or_null<Expr>(From.getTerminatorCondition()))
      if (const auto *Call = dyn_cast<CallExpr>(Cond->IgnoreParenImpCasts()))
        if (const FunctionDecl *FD = Call->getDirectCallee();
            FD && FD->getName() == "ok")
          S.insert("checked");
  }
  bool join(State &Into, const State &From) const {
    State Joined;
    if (Must) {
      for (const std::string &X : Into)
        if (From.count(X))
          Joined.insert(X);
    } else {
      Joined = Into;
      Joined.insert(From.begin(), From.end());
    }
    if (Joined == Into)
      return false;
    Into = std::move(Joined);
    return true;
  }
};

const char *Decls = "void a(); void b(); void c(); void use(); bool ok();\n";

TEST(ForwardDataflow, MayAndMustAnalysesDifferAtAJoin) {
  Parsed P = cfgOf(std::string(Decls) +
                   "void f(bool x) { a(); if (x) b(); else c(); use(); }");
  ASSERT_TRUE(P.Cfg);
  CalledBefore May;
  DataflowOutcome Outcome = solveForward(*P.Cfg, May);
  EXPECT_TRUE(Outcome.Converged);
  ASSERT_EQ(May.AtUse.size(), 1u);
  EXPECT_EQ(May.AtUse[0], (std::set<std::string>{"a", "b", "c"}));

  CalledBefore Must;
  Must.Must = true;
  solveForward(*P.Cfg, Must);
  ASSERT_EQ(Must.AtUse.size(), 1u);
  EXPECT_EQ(Must.AtUse[0], (std::set<std::string>{"a"}));
}

TEST(ForwardDataflow, EdgeRefinementAppliesToTheTrueBranchOnly) {
  Parsed P = cfgOf(std::string(Decls) +
                   "void f() { if (ok()) { use(); } else { use(); } }");
  ASSERT_TRUE(P.Cfg);
  CalledBefore Must;
  Must.Must = true;
  solveForward(*P.Cfg, Must);
  ASSERT_EQ(Must.AtUse.size(), 2u);
  // One use sees the refined state, the other does not (block order is the
  // CFG's, not the source's).
  std::multiset<size_t> Sizes{Must.AtUse[0].size(), Must.AtUse[1].size()};
  EXPECT_EQ(Sizes, (std::multiset<size_t>{0, 1}));
}

TEST(ForwardDataflow, LoopReachesTheFixedPoint) {
  // b() is called in the loop body: on the second iteration it may have
  // been called before use(); it need not have been on the first.
  Parsed P = cfgOf(std::string(Decls) +
                   "void f(int n) { a(); for (int i = 0; i < n; ++i) "
                   "{ use(); b(); } c(); }");
  ASSERT_TRUE(P.Cfg);
  CalledBefore May;
  DataflowOutcome Outcome = solveForward(*P.Cfg, May);
  EXPECT_TRUE(Outcome.Converged);
  ASSERT_EQ(May.AtUse.size(), 1u);
  EXPECT_EQ(May.AtUse[0], (std::set<std::string>{"a", "b"}));

  CalledBefore Must;
  Must.Must = true;
  solveForward(*P.Cfg, Must);
  ASSERT_EQ(Must.AtUse.size(), 1u);
  EXPECT_EQ(Must.AtUse[0], (std::set<std::string>{"a"}));
}

TEST(ForwardDataflow, ReversePostOrderVisitsLoopFreeBlocksOnce) {
  // A chain of diamonds: in reverse post-order every block is visited once.
  std::string Body;
  for (int I = 0; I < 20; ++I)
    Body += "if (x) a(); else b();\n";
  Parsed P = cfgOf(std::string(Decls) + "void f(bool x) {\n" + Body + "}");
  ASSERT_TRUE(P.Cfg);
  CalledBefore May;
  DataflowOutcome Outcome = solveForward(*P.Cfg, May);
  EXPECT_TRUE(Outcome.Converged);
  EXPECT_EQ(Outcome.Steps, May.Visits);
  EXPECT_EQ(May.Visits, P.Cfg->getNumBlockIDs());
}

TEST(ForwardDataflow, TheStepLimitIsReported) {
  Parsed P = cfgOf(std::string(Decls) +
                   "void f(int n) { a(); while (n--) { b(); } use(); }");
  ASSERT_TRUE(P.Cfg);
  CalledBefore May;
  // One visit per block cannot settle a loop whose header changes.
  DataflowOutcome Outcome = solveForward(*P.Cfg, May, /*VisitsPerBlock=*/1);
  EXPECT_FALSE(Outcome.Converged);
  EXPECT_EQ(Outcome.StepLimit, P.Cfg->getNumBlockIDs());
  EXPECT_EQ(Outcome.Steps, Outcome.StepLimit);

  CalledBefore Full;
  Outcome = solveForward(*P.Cfg, Full);
  EXPECT_TRUE(Outcome.Converged);
  EXPECT_EQ(Outcome.StepLimit, DefaultVisitsPerBlock * P.Cfg->getNumBlockIDs());
  EXPECT_LT(Outcome.Steps, Outcome.StepLimit);
}

} // namespace
