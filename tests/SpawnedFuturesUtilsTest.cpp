//===--- SpawnedFuturesUtilsTest.cpp - checks/utils/SpawnedFutures --------===//
//
// Which waits on futures of `co_spawn(executor, task, use_future)` block the
// caller's own loop, on self-contained snippets (a stand-in Asio and
// std::future, no library headers).
//
//===----------------------------------------------------------------------===//

#include "checks/utils/Runtimes.h"
#include "checks/utils/SpawnedFutures.h"
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

const std::string Prelude = std::string(coro_tidy::test::StdCoroutineStandIn) + R"cpp(
namespace std {
// As in libstdc++: wait() is declared in a base class of future.
template <class T> class __basic_future { public: void wait() const; };
template <class T> class future : public __basic_future<T> {
public:
  future();
  future(future &&);
  future &operator=(future &&);
  T get();
};
}
struct Task {
  struct promise_type {
    Task get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void unhandled_exception();
    void return_void();
  };
};
namespace boost::asio {
template <class Allocator = void> struct use_future_t {};
inline constexpr use_future_t<> use_future;
struct detached_t {};
inline constexpr detached_t detached;
class io_context {
public:
  class executor_type {};
  executor_type get_executor();
};
class thread_pool {
public:
  class executor_type {};
  executor_type get_executor();
};
class any_io_executor {};
template <class T> struct awaitable {};
template <class E, class T> std::future<T> co_spawn(E &&, awaitable<T>, use_future_t<>);
template <class E, class T> void co_spawn(E &&, awaitable<T>, detached_t);
}
namespace asio {
template <class Allocator = void> struct use_future_t {};
inline constexpr use_future_t<> use_future;
class io_context {};
template <class E, class T, class A>
std::future<T> co_spawn(E &&, boost::asio::awaitable<T>, use_future_t<A>);
}
boost::asio::awaitable<int> job();
)cpp";

class SpawnedFutures : public ::testing::Test {
protected:
  void build(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(Prelude + Code,
                                            {"-std=c++20", "-fsyntax-only"});
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  }

  ASTContext &ctx() { return AST->getASTContext(); }

  const FunctionDecl *function(llvm::StringRef Name) {
    auto Found =
        match(functionDecl(hasName(Name), isDefinition()).bind("f"), ctx());
    EXPECT_EQ(Found.size(), 1u) << Name.str();
    return Found.empty() ? nullptr : Found[0].getNodeAs<FunctionDecl>("f");
  }

  /// The waits found in \p Name, as `method<-line` with the spawn's line,
  /// lines relative to the function's first line; "none" if there are none.
  std::string waits(llvm::StringRef Name) {
    const FunctionDecl *F = function(Name);
    if (!F)
      return "no function";
    const SourceManager &SM = ctx().getSourceManager();
    unsigned First = SM.getSpellingLineNumber(F->getBeginLoc());
    auto Line = [&](const Expr *E) {
      return std::to_string(SM.getSpellingLineNumber(E->getExprLoc()) - First);
    };
    std::string Result;
    for (const LoopFutureWait &W : findLoopFutureWaits(F, ctx())) {
      if (!Result.empty())
        Result += ",";
      EXPECT_TRUE(isLoopFutureWait(W.Wait, F, ctx()));
      EXPECT_TRUE(llvm::StringRef(qualifiedName(W.Spawn->getDirectCallee()))
                      .ends_with("::co_spawn"));
      Result += W.Wait->getMethodDecl()->getName().str() + "@" +
                Line(W.Wait) + "<-" + Line(W.Spawn);
    }
    return Result.empty() ? "none" : Result;
  }

  std::unique_ptr<ASTUnit> AST;
};

TEST_F(SpawnedFutures, WaitsOnTheCallersLoop) {
  build(R"cpp(
Task direct(boost::asio::io_context &ctx) {
  boost::asio::co_spawn(ctx, job(), boost::asio::use_future).get();
  co_return;
}
Task viaLocal(boost::asio::io_context &ctx) {
  auto f = boost::asio::co_spawn(ctx.get_executor(), job(),
                                 boost::asio::use_future);
  f.wait();
  co_return;
}
Task assigned(boost::asio::any_io_executor ex) {
  std::future<int> f;
  f = boost::asio::co_spawn(ex, job(), boost::asio::use_future);
  int v = f.get();
  co_return;
}
Task standalone(asio::io_context &ctx) {
  asio::co_spawn(ctx, job(), asio::use_future).get();
  co_return;
}
)cpp");
  EXPECT_EQ(waits("direct"), "get@1<-1");
  EXPECT_EQ(waits("viaLocal"), "wait@3<-1") << "wait() of the base class";
  EXPECT_EQ(waits("assigned"), "get@3<-2");
  EXPECT_EQ(waits("standalone"), "get@1<-1");
}

TEST_F(SpawnedFutures, OtherThreadsAndOtherFuturesAreNotTheLoop) {
  build(R"cpp(
Task pool(boost::asio::thread_pool &p) {
  auto f = boost::asio::co_spawn(p.get_executor(), job(), boost::asio::use_future);
  f.get();
  co_return;
}
Task poolDirect(boost::asio::thread_pool &p) {
  boost::asio::co_spawn(p, job(), boost::asio::use_future).get();
  co_return;
}
Task detachedSpawn(boost::asio::io_context &ctx, std::future<int> other) {
  boost::asio::co_spawn(ctx, job(), boost::asio::detached);
  other.get();
  co_return;
}
Task neverWaited(boost::asio::io_context &ctx) {
  auto f = boost::asio::co_spawn(ctx, job(), boost::asio::use_future);
  co_return;
}
Task inALambda(boost::asio::io_context &ctx) {
  auto f = boost::asio::co_spawn(ctx, job(), boost::asio::use_future);
  auto later = [&] { f.get(); };
  co_return;
}
)cpp");
  EXPECT_EQ(waits("pool"), "none") << "a thread pool's executor";
  EXPECT_EQ(waits("poolDirect"), "none") << "the thread pool itself";
  EXPECT_EQ(waits("detachedSpawn"), "none")
      << "the waited future does not come from co_spawn";
  EXPECT_EQ(waits("neverWaited"), "none");
  EXPECT_EQ(waits("inALambda"), "none") << "the lambda is its own body";
}

TEST_F(SpawnedFutures, IsLoopFutureWaitAnswersForOneCall) {
  build(R"cpp(
Task direct(boost::asio::io_context &ctx, std::future<int> other) {
  boost::asio::co_spawn(ctx, job(), boost::asio::use_future).get();
  other.get();
  co_return;
}
)cpp");
  const FunctionDecl *F = function("direct");
  ASSERT_TRUE(F);
  std::vector<const CXXMemberCallExpr *> Gets;
  for (const BoundNodes &N :
       match(functionDecl(hasName("direct"),
                          forEachDescendant(
                              cxxMemberCallExpr(callee(cxxMethodDecl(
                                                    hasName("get"))))
                                  .bind("get"))),
             ctx()))
    Gets.push_back(N.getNodeAs<CXXMemberCallExpr>("get"));
  ASSERT_EQ(Gets.size(), 2u);
  EXPECT_NE(isLoopFutureWait(Gets[0], F, ctx()),
            isLoopFutureWait(Gets[1], F, ctx()));
  EXPECT_EQ(findLoopFutureWaits(F, ctx()).size(), 1u);
  EXPECT_FALSE(isLoopFutureWait(nullptr, F, ctx()));
  EXPECT_TRUE(findLoopFutureWaits(nullptr, ctx()).empty());
}

} // namespace
