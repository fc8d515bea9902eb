//===--- LockFlowUtilsTest.cpp - checks/utils/LockFlow --------------------===//
//
// Lock types, suspension points, async mutexes and locks, and the dataflow
// that finds the locks held at a coroutine's suspensions, on
// self-contained snippets (a stand-in <mutex>, no library headers).
//
//===----------------------------------------------------------------------===//

#include "checks/utils/Coroutines.h"
#include "checks/utils/LockFlow.h"
#include "checks/utils/Runtimes.h"
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
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> typename remove_reference<T>::type &&move(T &&) noexcept;
struct defer_lock_t { explicit defer_lock_t() = default; };
inline constexpr defer_lock_t defer_lock{};
class mutex { public: void lock(); bool try_lock(); void unlock(); };
struct adopt_lock_t { explicit adopt_lock_t() = default; };
inline constexpr adopt_lock_t adopt_lock{};
template <class M> class lock_guard {
public:
  explicit lock_guard(M &);
  lock_guard(M &, adopt_lock_t);
  ~lock_guard();
};
template <class M> class unique_lock {
public:
  explicit unique_lock(M &);
  unique_lock(M &, defer_lock_t) noexcept;
  unique_lock(unique_lock &&) noexcept;
  ~unique_lock();
  void lock();
  void unlock();
  M *release() noexcept;
};
}
struct Task {
  struct promise_type {
    Task get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void unhandled_exception();
    void return_void();
    std::suspend_always yield_value(int);
  };
};
struct Awaitable {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
Awaitable io();
struct Ready {
  constexpr bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
struct Allowed : Awaitable {};
Allowed allowed();
void sink(std::unique_lock<std::mutex>);
// Acquired by co_await: an async mutex.
struct AsyncMutex { Awaitable lock(); void unlock(); };
struct LockAwaitable {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  std::unique_lock<std::mutex> await_resume();
};
LockAwaitable acquire();
// Releases the lock while suspended.
struct AsyncConditionVariable { Awaitable wait(std::unique_lock<std::mutex> &); };
struct __attribute__((scoped_lockable)) Guard {
  explicit Guard(std::mutex &);
  ~Guard();
};
struct MyLock : std::unique_lock<std::mutex> {
  using unique_lock::unique_lock;
};
)cpp";

class LockFlow : public ::testing::Test {
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

  const VarDecl *variable(llvm::StringRef Name) {
    auto Found = match(varDecl(hasName(Name)).bind("v"), ctx());
    EXPECT_EQ(Found.size(), 1u) << Name.str();
    return Found.empty() ? nullptr : Found[0].getNodeAs<VarDecl>("v");
  }

  QualType typeOf(llvm::StringRef Var) {
    const VarDecl *V = variable(Var);
    return V ? V->getType() : QualType();
  }

  /// The locks held across suspensions in \p Name, as `lock:line,line;...`
  /// with lines relative to the function's first line, or "none".
  std::string held(llvm::StringRef Name) {
    const FunctionDecl *F = function(Name);
    if (!F)
      return "no function";
    CoroutineTypeClassifier Classifier(ctx());
    const SourceManager &SM = ctx().getSourceManager();
    unsigned First = SM.getSpellingLineNumber(F->getBeginLoc());
    std::string Result;
    for (const LockHeldAcrossSuspension &Finding :
         findLocksHeldAcrossSuspension(F, ctx(), Options, &Classifier)) {
      if (!Result.empty())
        Result += ";";
      Result += (Finding.Lock ? Finding.Lock->getName().str()
                              : spelledText(Finding.Mutex, ctx())) +
                ":";
      bool FirstLine = true;
      for (const CoroutineSuspendExpr *S : Finding.Suspensions) {
        if (!FirstLine)
          Result += ",";
        FirstLine = false;
        Result += std::to_string(
            SM.getSpellingLineNumber(S->getKeywordLoc()) - First);
      }
    }
    return Result.empty() ? "none" : Result;
  }

  std::unique_ptr<ASTUnit> AST;
  LockFlowOptions Options = [] {
    LockFlowOptions O;
    O.LockTypes.add({"std::lock_guard", "std::unique_lock"});
    O.MutexTypes.add({"std::mutex"});
    return O;
  }();
};

TEST_F(LockFlow, LockTypes) {
  build(R"cpp(
std::mutex m;
std::unique_lock<std::mutex> unique(m);
std::lock_guard<std::mutex> guard(m);
std::unique_lock<std::mutex> &ref = unique;
std::unique_lock<std::mutex> *ptr = &unique;
MyLock derived(m);
Guard annotated(m);
)cpp");
  EXPECT_TRUE(isLockType(typeOf("unique"), Options));
  EXPECT_TRUE(isLockType(typeOf("guard"), Options));
  EXPECT_FALSE(isLockType(typeOf("m"), Options));
  EXPECT_FALSE(isLockType(typeOf("ref"), Options)) << "a reference owns nothing";
  EXPECT_FALSE(isLockType(typeOf("ptr"), Options));
  EXPECT_TRUE(isLockType(typeOf("derived"), Options)) << "derived from a lock";
  EXPECT_TRUE(isLockType(typeOf("annotated"), Options)) << "scoped_lockable";
  Options.ScopedLockable = false;
  EXPECT_FALSE(isLockType(typeOf("annotated"), Options));
  LockFlowOptions Empty;
  Empty.ScopedLockable = false;
  EXPECT_FALSE(isLockType(typeOf("unique"), Empty));
}

TEST_F(LockFlow, SuspensionPoints) {
  build(R"cpp(
Task f() {
  co_await io();
  co_await Ready{};
  co_await allowed();
  co_yield 1;
}
)cpp");
  std::vector<const CoroutineSuspendExpr *> Suspends;
  for (const BoundNodes &N :
       match(functionDecl(hasName("f"),
                          forEachDescendant(
                              stmt(anyOf(coawaitExpr(), coyieldExpr()))
                                  .bind("s"))),
             ctx())) {
    const auto *S = N.getNodeAs<CoroutineSuspendExpr>("s");
    if (!(isa<CoawaitExpr>(S) && cast<CoawaitExpr>(S)->isImplicit()))
      Suspends.push_back(S);
  }
  ASSERT_EQ(Suspends.size(), 4u);
  EXPECT_TRUE(isSuspensionPoint(Suspends[0], Options));
  EXPECT_FALSE(isSuspensionPoint(Suspends[1], Options))
      << "await_ready() is constant true";
  EXPECT_TRUE(isSuspensionPoint(Suspends[2], Options));
  EXPECT_TRUE(isSuspensionPoint(Suspends[3], Options)) << "co_yield";
  Options.AllowedAwaitables.add({"Allowed"});
  EXPECT_FALSE(isSuspensionPoint(Suspends[2], Options));
  EXPECT_TRUE(isSuspensionPoint(Suspends[0], Options));
  EXPECT_FALSE(isSuspensionPoint(nullptr, Options));
}

TEST_F(LockFlow, AsyncMutexesAndLocks) {
  build(R"cpp(
AsyncMutex am;
std::mutex m;
std::unique_lock<AsyncMutex> asyncLock(am);
std::unique_lock<std::mutex> blockingLock(m);
Task f() {
  auto awaited = co_await acquire();
  co_return;
}
)cpp");
  CoroutineTypeClassifier Classifier(ctx());
  EXPECT_TRUE(isAsyncMutex(typeOf("am")->getAsCXXRecordDecl(), Classifier));
  EXPECT_FALSE(isAsyncMutex(typeOf("m")->getAsCXXRecordDecl(), Classifier));
  EXPECT_TRUE(isAsyncLock(variable("asyncLock"), Options, Classifier));
  EXPECT_FALSE(isAsyncLock(variable("blockingLock"), Options, Classifier));
  EXPECT_TRUE(isAsyncLock(variable("awaited"), Options, Classifier))
      << "initialised from co_await: acquired asynchronously";
  EXPECT_FALSE(isAsyncLock(nullptr, Options, Classifier));
}

TEST_F(LockFlow, HeldUntilReleased) {
  build(R"cpp(
Task held(std::mutex &m) {
  std::unique_lock<std::mutex> lk(m);
  co_await io();
  co_await io();
}
Task unlocked(std::mutex &m) {
  std::unique_lock<std::mutex> lk(m);
  lk.unlock();
  co_await io();
  lk.lock();
  co_await io();
}
Task released(std::mutex &m) {
  std::unique_lock<std::mutex> lk(m);
  lk.release();
  co_await io();
}
Task scoped(std::mutex &m) {
  {
    std::lock_guard<std::mutex> g(m);
  }
  co_await io();
}
Task moved(std::mutex &m) {
  std::unique_lock<std::mutex> lk(m);
  sink(std::move(lk));
  co_await io();
}
Task deferred(std::mutex &m) {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  co_await io();
  lk.lock();
  co_await io();
}
)cpp");
  EXPECT_EQ(held("held"), "lk:2,3");
  EXPECT_EQ(held("unlocked"), "lk:5");
  EXPECT_EQ(held("released"), "none");
  EXPECT_EQ(held("scoped"), "none");
  EXPECT_EQ(held("moved"), "none");
  EXPECT_EQ(held("deferred"), "lk:4");
}

TEST_F(LockFlow, PathsJoinAsMayBeHeld) {
  build(R"cpp(
Task branch(std::mutex &m, bool c) {
  std::unique_lock<std::mutex> lk(m);
  if (c)
    lk.unlock();
  co_await io();
}
Task both(std::mutex &m, bool c) {
  std::unique_lock<std::mutex> lk(m);
  if (c)
    lk.unlock();
  else
    lk.unlock();
  co_await io();
}
Task loop(std::mutex &m, int n) {
  std::lock_guard<std::mutex> g(m);
  for (int i = 0; i < n; ++i)
    co_await io();
  co_yield 1;
}
Task relockInLoop(std::mutex &m, int n) {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  for (int i = 0; i < n; ++i) {
    co_await io();
    lk.lock();
  }
}
)cpp");
  EXPECT_EQ(held("branch"), "lk:4") << "held on one path";
  EXPECT_EQ(held("both"), "none");
  EXPECT_EQ(held("loop"), "g:3,4");
  EXPECT_EQ(held("relockInLoop"), "lk:3") << "held from the second iteration";
}

TEST_F(LockFlow, WhatIsNotTrackedOrNotASuspension) {
  build(R"cpp(
Task ready(std::mutex &m) {
  std::lock_guard<std::mutex> g(m);
  co_await Ready{};
  co_await allowed();
}
Task async(AsyncMutex &am) {
  std::unique_lock<AsyncMutex> lk(am);
  co_await io();
}
Task awaited() {
  auto lk = co_await acquire();
  co_await io();
}
Task conditionVariable(std::mutex &m, AsyncConditionVariable &cv) {
  std::unique_lock<std::mutex> lk(m);
  co_await cv.wait(lk);
  co_await io();
}
Task annotated(std::mutex &m) {
  Guard g(m);
  co_await io();
}
Task lambda(std::mutex &m) {
  std::lock_guard<std::mutex> g(m);
  auto f = []() -> Task { co_await io(); };
  co_return;
}
Task parameter(std::unique_lock<std::mutex> lk) {
  co_await io();
}
)cpp");
  EXPECT_EQ(held("ready"), "g:3") << "std::suspend_never-like awaits never "
                                     "suspend";
  Options.AllowedAwaitables.add({"Allowed"});
  EXPECT_EQ(held("ready"), "none");
  EXPECT_EQ(held("async"), "none") << "an async mutex is meant to be held";
  EXPECT_EQ(held("awaited"), "none") << "acquired by co_await";
  EXPECT_EQ(held("conditionVariable"), "lk:3")
      << "the wait hands the lock over; the next await does not";
  EXPECT_EQ(held("annotated"), "g:2");
  Options.ScopedLockable = false;
  EXPECT_EQ(held("annotated"), "none");
  EXPECT_EQ(held("lambda"), "none") << "a nested lambda is its own body";
  EXPECT_EQ(held("parameter"), "lk:1") << "a by-value parameter owns its lock";
}

TEST_F(LockFlow, MutexesLockedWithoutALockObject) {
  build(R"cpp(
struct Account {
  std::mutex m;
  Task deposit();
};
Task Account::deposit() {
  m.lock();
  co_await io();
  this->m.unlock();
  co_await io();
}
Task other(std::mutex &a, std::mutex &b) {
  a.lock();
  b.lock();
  b.unlock();
  co_await io();
  a.unlock();
}
Task tried(std::mutex &m) {
  if (m.try_lock()) {
    co_await io();
    m.unlock();
  }
  co_await io();
}
Task adopted(std::mutex &m) {
  m.lock();
  {
    std::lock_guard<std::mutex> g(m, std::adopt_lock);
  }
  co_await io();
}
Task async(AsyncMutex &m) {
  co_await m.lock();
  co_await io();
  m.unlock();
}
Task handedOver(std::mutex &m, AsyncConditionVariable &cv, std::unique_lock<std::mutex> &lk) {
  m.lock();
  co_await cv.wait(lk);
  m.unlock();
}
)cpp");
  EXPECT_EQ(held("deposit"), "m:2") << "unlocked through this->m";
  EXPECT_EQ(held("other"), "a:4") << "only the mutex still locked";
  EXPECT_EQ(held("tried"), "m:2") << "held only where try_lock succeeded";
  EXPECT_EQ(held("adopted"), "none") << "the lock object adopted it";
  EXPECT_EQ(held("async"), "none") << "an async mutex is acquired by co_await";
  EXPECT_EQ(held("handedOver"), "m:2") << "the wait is handed the lock, not m";
  Options.MutexTypes = QualifiedNameSet();
  EXPECT_EQ(held("deposit"), "none") << "only listed mutex types";
}

} // namespace
