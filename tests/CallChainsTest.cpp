//===--- CallChainsTest.cpp - checks/utils/CallChains ---------------------===//

#include "checks/utils/CallChains.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "StdCoroutineStandIn.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::coro::utils;

namespace {

// A minimal coroutine task, so that coroutines can be written without
// headers.
const std::string Prelude = std::string(coro_tidy::test::StdCoroutineStandIn) + R"cpp(
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    void return_void() {}
  };
  bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume();
};
void sink();
void sink2();
void harmless();
)cpp";

class CallChainsTest : public ::testing::Test {
protected:
  void parse(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + Code,
                                            {"-std=c++20"});
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  }

  const FunctionDecl *function(const std::string &Name) {
    auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                       AST->getASTContext());
    EXPECT_EQ(Found.size(), 1u) << Name;
    return Found.empty() ? nullptr : Found[0].getNodeAs<FunctionDecl>("f");
  }

  /// Callees of the own calls of \p Name, in order.
  std::string ownCalls(const std::string &Name) {
    std::string Result;
    forEachOwnCall(function(Name), [&](const CallStep &Step) {
      if (!Result.empty())
        Result += ",";
      Result += Step.Callee->getNameAsString();
    });
    return Result;
  }

  CallChainFinder::Classifier sinksNamed(std::vector<std::string> Names) {
    return [Names, this](const Expr *, const FunctionDecl *Callee) {
      ++Classified;
      for (const std::string &N : Names)
        if (Callee->getName() == N)
          return CallVerdict::Sink;
      if (Callee->getName() == "opaque")
        return CallVerdict::Opaque;
      return CallVerdict::Follow;
    };
  }

  /// The chain from \p Name, as `caller>callee` steps, or "none".
  static std::string render(const std::optional<CallChain> &Chain) {
    if (!Chain)
      return "none";
    std::string Result;
    for (const CallStep &Step : *Chain) {
      if (!Result.empty())
        Result += " ";
      Result += Step.Callee->getNameAsString();
    }
    return Result;
  }

  std::string chainFrom(CallChainFinder &Finder, const std::string &Name) {
    return render(Finder.chainFrom(function(Name)));
  }

  std::unique_ptr<ASTUnit> AST;
  unsigned Classified = 0;
};

TEST_F(CallChainsTest, DirectAndTransitive) {
  parse(R"cpp(
    void throttle() { harmless(); sink(); }
    void load_config() { harmless(); throttle(); }
    void clean() { harmless(); }
    Task coro() { load_config(); clean(); co_return; }
  )cpp");
  CallChainFinder Finder(sinksNamed({"sink"}));
  EXPECT_EQ(chainFrom(Finder, "throttle"), "sink");
  EXPECT_EQ(chainFrom(Finder, "load_config"), "throttle sink");
  EXPECT_EQ(chainFrom(Finder, "clean"), "none");
  // Queried on the coroutine: the first own call that reaches a sink.
  EXPECT_EQ(chainFrom(Finder, "coro"), "load_config throttle sink");
}

TEST_F(CallChainsTest, ChainForCallStep) {
  parse(R"cpp(
    void helper() { sink(); }
    Task coro() { helper(); harmless(); sink(); co_return; }
  )cpp");
  CallChainFinder Finder(sinksNamed({"sink"}));
  std::vector<std::string> Chains;
  forEachOwnCall(function("coro"), [&](const CallStep &Step) {
    Chains.push_back(render(Finder.chainFor(Step)));
  });
  ASSERT_EQ(Chains.size(), 3u);
  EXPECT_EQ(Chains[0], "helper sink");
  EXPECT_EQ(Chains[1], "none");
  EXPECT_EQ(Chains[2], "sink");
}

TEST_F(CallChainsTest, ShortestChainWins) {
  parse(R"cpp(
    void deep3() { sink(); }
    void deep2() { deep3(); }
    void deep1() { deep2(); }
    void shallow() { sink2(); }
    void entry() { deep1(); shallow(); }
  )cpp");
  CallChainFinder Finder(sinksNamed({"sink", "sink2"}));
  EXPECT_EQ(chainFrom(Finder, "entry"), "shallow sink2");
  // Memoised answers agree with fresh ones.
  EXPECT_EQ(chainFrom(Finder, "deep1"), "deep2 deep3 sink");
}

TEST_F(CallChainsTest, RecursionTerminates) {
  parse(R"cpp(
    void b(int);
    void a(int n) { if (n) b(n - 1); }
    void b(int n) { if (n) a(n - 1); else sink(); }
    void self(int n) { if (n) self(n - 1); harmless(); }
    void odd(int);
    void even(int n) { if (n) odd(n - 1); }
    void odd(int n) { if (n) even(n - 1); }
  )cpp");
  CallChainFinder Finder(sinksNamed({"sink"}));
  EXPECT_EQ(chainFrom(Finder, "a"), "b sink");
  EXPECT_EQ(chainFrom(Finder, "b"), "sink");
  EXPECT_EQ(chainFrom(Finder, "self"), "none");
  EXPECT_EQ(chainFrom(Finder, "even"), "none");
  EXPECT_EQ(chainFrom(Finder, "odd"), "none");
}

TEST_F(CallChainsTest, MemoisedPerFunction) {
  parse(R"cpp(
    void leaf() { harmless(); harmless(); }
    void mid() { leaf(); leaf(); }
    void top1() { mid(); }
    void top2() { mid(); }
  )cpp");
  CallChainFinder Finder(sinksNamed({"sink"}));
  EXPECT_EQ(chainFrom(Finder, "top1"), "none");
  unsigned AfterFirst = Classified;
  EXPECT_EQ(chainFrom(Finder, "top2"), "none");
  // Only top2's own call is classified again: mid and leaf are memoised.
  EXPECT_EQ(Classified, AfterFirst + 1);
}

TEST_F(CallChainsTest, DepthLimit) {
  parse(R"cpp(
    void d3() { sink(); }
    void d2() { d3(); }
    void d1() { d2(); }
    Task coro() { d1(); co_return; }
  )cpp");
  CallChainFinder::Options Opts;
  Opts.MaxDepth = 3;
  CallChainFinder Limited(sinksNamed({"sink"}), Opts);
  EXPECT_EQ(chainFrom(Limited, "d2"), "d3 sink");
  EXPECT_EQ(chainFrom(Limited, "d1"), "d2 d3 sink");
  EXPECT_EQ(chainFrom(Limited, "coro"), "none"); // 4 calls > 3.
  Opts.MaxDepth = 4;
  CallChainFinder Enough(sinksNamed({"sink"}), Opts);
  EXPECT_EQ(chainFrom(Enough, "coro"), "d1 d2 d3 sink");
  Opts.MaxDepth = 1;
  CallChainFinder Direct(sinksNamed({"sink"}), Opts);
  EXPECT_EQ(chainFrom(Direct, "d3"), "sink");
  EXPECT_EQ(chainFrom(Direct, "d2"), "none");
}

TEST_F(CallChainsTest, OpaqueAndCoroutineCalleesAreNotFollowed) {
  parse(R"cpp(
    void opaque() { sink(); }
    Task inner() { sink(); co_return; }
    void caller() { opaque(); (void)inner(); }
  )cpp");
  CallChainFinder Finder(sinksNamed({"sink"}));
  EXPECT_EQ(chainFrom(Finder, "caller"), "none");
}

TEST_F(CallChainsTest, VirtualCallsAreNotFollowedUnlessFinal) {
  parse(R"cpp(
    struct Base { virtual void run() { sink(); } };
    struct Sealed final : Base { void run() override { sink(); } };
    void viaBase(Base &b) { b.run(); }
    void viaSealed(Sealed &s) { s.run(); }
  )cpp");
  CallChainFinder Finder(sinksNamed({"sink"}));
  EXPECT_EQ(chainFrom(Finder, "viaBase"), "none");
  EXPECT_EQ(chainFrom(Finder, "viaSealed"), "run sink");
}

TEST_F(CallChainsTest, LambdaBodiesAreNotOwnCalls) {
  parse(R"cpp(
    template <class F> void elsewhere(F) {}
    int make();
    void f() {
      elsewhere([] { sink(); });
      auto l = [x = make()] { sink(); };
      struct Local { void m() { sink(); } };
      (void)sizeof(make());
      using T = decltype(make());
      harmless();
    }
    void immediately() { [] { sink(); }(); }
  )cpp");
  EXPECT_EQ(ownCalls("f"), "elsewhere,make,harmless");
  CallChainFinder Finder(sinksNamed({"sink"}));
  EXPECT_EQ(chainFrom(Finder, "f"), "none");
  // Calling the lambda runs its body here: an ordinary call to operator().
  EXPECT_EQ(chainFrom(Finder, "immediately"), "operator() sink");
}

TEST_F(CallChainsTest, ConstructorsAndInitialisers) {
  parse(R"cpp(
    struct File { File() { sink(); } };
    struct Holder { File f; int x; Holder() : f(), x(0) {} };
    void makeHolder() { Holder h; }
  )cpp");
  CallChainFinder Finder(sinksNamed({"sink"}));
  EXPECT_EQ(chainFrom(Finder, "makeHolder"), "Holder File sink");
}

TEST_F(CallChainsTest, CoroutineOwnCallsAreTheUserBody) {
  parse(R"cpp(
    Task other();
    Task coro() { harmless(); co_await other(); co_return; }
  )cpp");
  // No promise or awaiter calls, only what the user wrote.
  EXPECT_EQ(ownCalls("coro"), "harmless,other");
}

TEST_F(CallChainsTest, TemplatesFollowTheInstantiation) {
  parse(R"cpp(
    template <class F> void retry(F f) { for (int i = 0; i < 3; ++i) f(); }
    void caller() { retry([] { sink(); }); }
  )cpp");
  CallChainFinder Finder(sinksNamed({"sink"}));
  EXPECT_EQ(chainFrom(Finder, "caller"), "retry operator() sink");
}

} // namespace
