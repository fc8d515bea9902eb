//===--- ExecutorFlowUtilsTest.cpp - checks/utils/ExecutorFlow ------------===//
//
// Where a coroutine runs, point by point: switches onto and off a pool,
// joins, loops, bound tokens that last one operation, co_yield, and the
// promise that starts a coroutine on a pool. Names of a made-up runtime,
// given through the vocabulary as a check's options would.
//
//===----------------------------------------------------------------------===//

#include "StdCoroutineStandIn.h"
#include "checks/utils/Coroutines.h"
#include "checks/utils/ExecutorFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::coro::utils;

namespace {

const std::string Prelude = std::string(coro_tidy::test::StdCoroutineStandIn) + R"cpp(
namespace rt {
struct Pool;
struct Loop;
}
struct Task;
namespace rt {
void spawn(Pool &, Task);
void spawn(Loop &, Task);
template <class F> void spawn(Pool &, F &&) {}
struct Pool {
  void run(Task);
  struct op { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
  op schedule();
};
struct Loop {
  struct op { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
  op schedule();
};
struct DerivedPool : Pool {};
template <class E> struct move_to { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
template <class E> move_to<E> resume_on(E &);
struct Executor { virtual ~Executor(); };
struct ErasedPool : Pool, Executor {};
struct erased_move { explicit erased_move(Executor &); bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
erased_move on(Executor &);
struct token {};
template <class T, class E> struct binder {};
template <class T, class E> binder<T, E> bind(E &, T);
struct done { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
template <class Tok> done post(Tok);
struct tag {};
template <class E> struct start_on_promise {};
}
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    void return_void() {}
    std::suspend_always yield_value(int) { return {}; }
  };
  bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume();
};
struct PoolTask {
  struct promise_type : rt::start_on_promise<rt::Pool> {
    PoolTask get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
    void return_void() {}
  };
};
Task other();
void block(int);
)cpp";

class ExecutorFlowTest : public ::testing::Test {
protected:
  void SetUp() override {
    V.BlockingExecutors.add({"rt::Pool"});
    V.SwitchAwaiters.add({"rt::move_to", "rt::Loop::op", "rt::erased_move"});
    V.StartPromises.add({"rt::start_on_promise"});
    V.Binders.add({"rt::binder"});
    ExecutorVocabulary::Spawn Free{{}, 0, 1}, Member{{}, -1, 0};
    Free.Functions.add({"rt::spawn"});
    Member.Functions.add({"rt::Pool::run"});
    V.Spawns = {Free, Member};
  }
  void parse(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(Prelude + Code, {"-std=c++20"});
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  }
  /// The arguments of the block(N) calls of \p Name that run on the pool,
  /// in source order, e.g. "2,3".
  std::string onPool(const std::string &Name) {
    auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                       AST->getASTContext());
    EXPECT_EQ(Found.size(), 1u) << Name;
    const auto *F = Found[0].getNodeAs<FunctionDecl>("f");
    llvm::DenseSet<const Stmt *> On = statementsOnBlockingExecutor(F, V);
    std::string Out;
    for (const BoundNodes &N :
         match(findAll(callExpr(callee(functionDecl(hasName("block"))))
                           .bind("c")),
               *F->getBody(), AST->getASTContext())) {
      const auto *Call = N.getNodeAs<CallExpr>("c");
      if (!On.contains(Call))
        continue;
      Expr::EvalResult R;
      if (!Call->getArg(0)->EvaluateAsInt(R, AST->getASTContext()))
        continue;
      if (!Out.empty())
        Out += ",";
      Out += std::to_string(R.Val.getInt().getExtValue());
    }
    return Out;
  }
  /// The arguments of the block(N) calls in \p F's body that run on the
  /// pool as \p Facts sees them, appended to \p Out.
  void appendOnPool(ExecutorFacts &Facts, const FunctionDecl *F,
                    std::string &Out) {
    const llvm::DenseSet<const Stmt *> &On =
        Facts.statementsOnBlockingExecutor(F);
    for (const BoundNodes &N :
         match(findAll(callExpr(callee(functionDecl(hasName("block"))))
                           .bind("c")),
               *F->getBody(), AST->getASTContext())) {
      const auto *Call = N.getNodeAs<CallExpr>("c");
      Expr::EvalResult R;
      if (!On.contains(Call) ||
          !Call->getArg(0)->EvaluateAsInt(R, AST->getASTContext()))
        continue;
      if (!Out.empty())
        Out += ",";
      Out += std::to_string(R.Val.getInt().getExtValue());
    }
  }
  /// The same for the coroutine lambdas written in \p Name.
  std::string onPoolInLambdas(const std::string &Name) {
    ExecutorFacts Facts(V);
    std::string Out;
    for (const BoundNodes &L :
         match(functionDecl(hasName(Name), isDefinition(),
                            forEachDescendant(lambdaExpr().bind("l"))),
               AST->getASTContext()))
      appendOnPool(Facts, L.getNodeAs<LambdaExpr>("l")->getCallOperator(), Out);
    return Out;
  }
  /// The same for every named coroutine of the file, in order.
  std::string onPoolInNamedCoroutines() {
    ExecutorFacts Facts(V);
    std::string Out;
    for (const BoundNodes &F :
         match(functionDecl(isDefinition(), unless(cxxMethodDecl()),
                            isExpansionInMainFile())
                   .bind("f"),
               AST->getASTContext()))
      if (isCoroutine(F.getNodeAs<FunctionDecl>("f")))
        appendOnPool(Facts, F.getNodeAs<FunctionDecl>("f"), Out);
    return Out;
  }
  ExecutorVocabulary V;
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(ExecutorFlowTest, SwitchOntoAndOffAPool) {
  parse(R"cpp(
Task f(rt::Pool &p, rt::Loop &l) {
  block(1);
  co_await p.schedule();
  block(2);
  co_await other();          // awaiting a task does not move it
  block(3);
  co_await l.schedule();     // back onto the loop
  block(4);
  co_await rt::resume_on(p);
  block(5);
}
)cpp");
  EXPECT_EQ(onPool("f"), "2,3,5");
}

TEST_F(ExecutorFlowTest, DerivedAndUnlistedExecutors) {
  parse(R"cpp(
struct Mine { struct op { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); }; op go(); };
Task f(rt::DerivedPool &d, rt::Loop &l, Mine &m) {
  co_await rt::resume_on(d);
  block(1);
  co_await rt::resume_on(l); // a listed switch to an executor that is no pool
  block(2);
  co_await d.schedule();
  block(3);
  co_await m.go();           // not a switch: nothing changes
  block(4);
}
)cpp");
  EXPECT_EQ(onPool("f"), "1,3,4");
}

TEST_F(ExecutorFlowTest, ATypeErasedAwaiterMovesToTheClassOfItsArgument) {
  parse(R"cpp(
Task f(rt::ErasedPool &p, rt::ErasedPool *q, rt::Executor &e) {
  co_await rt::on(p);        // made from an ErasedPool: a pool
  block(1);
  co_await rt::on(e);        // only an Executor: not known to be one
  block(2);
  co_await rt::on(*q);
  block(3);
  co_await rt::erased_move(e);
  block(4);
  co_await rt::erased_move(p);
  block(5);
}
)cpp");
  EXPECT_EQ(onPool("f"), "1,3,5");
}

TEST_F(ExecutorFlowTest, OnThePoolOnlyWhereEveryPathIs) {
  parse(R"cpp(
Task f(rt::Pool &p, rt::Loop &l, bool a, int n) {
  if (a)
    co_await p.schedule();
  block(1);
  if (a)
    co_await p.schedule();
  else
    co_await rt::resume_on(p);
  block(2);
  for (int i = 0; i < n; ++i) {
    block(3);                // the back edge comes from the loop
    co_await l.schedule();
  }
  block(4);
}
)cpp");
  EXPECT_EQ(onPool("f"), "2");
}

TEST_F(ExecutorFlowTest, BoundTokenLastsUntilTheNextSuspension) {
  parse(R"cpp(
struct Io {};
Task f(rt::Pool &p, Io &io) {
  co_await rt::post(rt::bind(p, rt::token{}));
  block(1);
  co_await other();
  block(2);
  co_await rt::post(rt::bind(io, rt::token{}));
  block(3);
}
)cpp");
  EXPECT_EQ(onPool("f"), "1");
}

TEST_F(ExecutorFlowTest, YieldHandsTheCoroutineToItsConsumer) {
  parse(R"cpp(
Task f(rt::Pool &p) {
  co_await p.schedule();
  block(1);
  co_yield 0;
  block(2);
}
)cpp");
  EXPECT_EQ(onPool("f"), "1");
}

TEST_F(ExecutorFlowTest, PromiseStartsTheCoroutineOnAPool) {
  parse(R"cpp(
PoolTask f(rt::Loop &l) {
  block(1);
  co_await l.schedule();
  block(2);
}
Task g() { block(3); co_return; }
)cpp");
  EXPECT_EQ(onPool("f"), "1");
  EXPECT_EQ(onPool("g"), "");
}

TEST_F(ExecutorFlowTest, CallersThatStartALambdaOnAPool) {
  parse(R"cpp(
Task g(rt::Pool &p, rt::Loop &l) {
  rt::spawn(p, []() -> Task { block(1); co_return; }());
  rt::spawn(p, []() -> Task { block(2); co_return; });
  p.run([]() -> Task { block(3); co_return; }());
  auto a = []() -> Task { block(4); co_return; };
  rt::spawn(p, a());
  rt::spawn(p, a);
  auto b = []() -> Task { block(5); co_return; };
  rt::spawn(p, b());
  rt::spawn(l, b());                 // one use on the loop
  auto c = []() -> Task { block(6); co_return; };
  co_await c();                      // awaited before the switch
  co_await p.schedule();
  auto d = []() -> Task { block(7); co_return; };
  co_await d();                      // awaited on the pool
  auto e = []() -> Task { block(8); co_return; };
  auto copy = e;                     // a use that is not followed
  rt::spawn(p, e());
  rt::spawn(l, []() -> Task { block(9); co_return; }());
}
)cpp");
  EXPECT_EQ(onPoolInLambdas("g"), "1,2,3,4,7");
}

TEST_F(ExecutorFlowTest, NestedLambdasFollowTheirEnclosingLambda) {
  parse(R"cpp(
void h(rt::Pool &p, rt::Loop &l) {
  rt::spawn(p, []() -> Task {
    auto inner = []() -> Task { block(1); co_return; };
    co_await inner();                // the outer lambda runs on the pool
  }());
  rt::spawn(l, []() -> Task {
    auto inner = []() -> Task { block(2); co_return; };
    co_await inner();
  }());
}
)cpp");
  EXPECT_EQ(onPoolInLambdas("h"), "1");
}

TEST_F(ExecutorFlowTest, InternalCoroutinesAreJudgedByAllTheirCalls) {
  parse(R"cpp(
namespace {
Task spawned() { block(1); co_return; }
Task by_name() { block(2); co_return; }
Task awaited_on_pool() { block(3); co_return; }
Task also_on_loop() { block(4); co_return; }
Task by_pointer() { block(5); co_return; }
Task never_called() { block(6); co_return; }
} // namespace
static Task static_spawned() { block(7); co_return; }
Task external() { block(8); co_return; }
Task (*stored)() = &by_pointer;

void g(rt::Pool &p, rt::Loop &l) {
  rt::spawn(p, spawned());
  rt::spawn(p, spawned());
  rt::spawn(p, by_name);
  rt::spawn(p, also_on_loop());
  rt::spawn(l, also_on_loop());
  rt::spawn(p, static_spawned());
  rt::spawn(p, external());
  rt::spawn(p, by_pointer());
}
Task h(rt::Pool &p) {
  co_await p.schedule();
  co_await awaited_on_pool();
}
)cpp");
  EXPECT_EQ(onPoolInNamedCoroutines(), "1,2,3,7");
}

} // namespace
