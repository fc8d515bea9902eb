//===--- CoroutinesUtilsTest.cpp - checks/utils/Coroutines ----------------===//

#include "checks/utils/Coroutines.h"
#include "checks/utils/Runtimes.h"
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

// Minimal stand-ins for the shapes real libraries use; no header needed.
const std::string Prelude = std::string(coro_tidy::test::StdCoroutineStandIn) + R"cpp(
template <class Initial> struct Promise {
  Initial initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  void return_void() {}
};
template <class T> struct Lazy {
  struct promise_type : Promise<std::suspend_always> { Lazy get_return_object(); };
  bool await_ready(); void await_suspend(std::coroutine_handle<>); T await_resume();
};
struct Eager {
  struct promise_type : Promise<std::suspend_never> { Eager get_return_object(); };
  bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume();
};
struct Awaiter { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
// Initial awaiters whose start is unknown: decided at run time (netcan
// asyncio), or a suspension that hands the coroutine to an executor
// (concurrencpp's initial_scheduling_awaiter).
struct Decides {
  bool wait;
  bool await_ready() const noexcept { return !wait; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
void post(std::coroutine_handle<>);
struct Schedules {
  constexpr bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const noexcept { post(h); }
  void await_resume() const noexcept {}
};
struct RunTime {
  struct promise_type : Promise<Decides> { RunTime get_return_object(); };
  bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume();
};
struct Posted {
  struct promise_type : Promise<Schedules> { Posted get_return_object(); };
  bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume();
};
struct MemberOp { Awaiter operator co_await(); };
namespace lib { template <class T> struct FreeOp {}; template <class T> Awaiter operator co_await(FreeOp<T>); }
struct HiddenFriend { friend Awaiter operator co_await(HiddenFriend) { return {}; } };
struct Generator {
  struct promise_type : Promise<std::suspend_always> { Generator get_return_object(); void yield_value(int); };
  int *begin(); int *end();
};
// An asynchronous generator: its begin() is awaited (cppcoro's shape), and
// one pulled through next() with no begin() at all (folly's shape).
template <class T> struct AsyncGen {
  struct promise_type : Promise<std::suspend_always> { AsyncGen get_return_object(); void yield_value(T); };
  struct begin_op { bool await_ready(); void await_suspend(std::coroutine_handle<>); int *await_resume(); };
  begin_op begin();
};
template <class T> struct Pulled {
  struct promise_type : Promise<std::suspend_always> { Pulled get_return_object(); void yield_value(T); };
  Awaiter next();
};
// asio::awaitable's shape: the promise named by a coroutine_traits partial
// specialisation, initial_suspend() an `auto` member of a dependent base,
// nothing instantiated for a coroutine that is only declared.
template <class E> struct FrameBase {
  auto initial_suspend() noexcept { return std::suspend_always(); }
};
template <class T, class E> struct Frame : FrameBase<E> {};
template <class T, class E = int> struct Framed {
  bool await_ready(); void await_suspend(std::coroutine_handle<>); T await_resume();
};
namespace std {
template <class T, class E, class... Args> struct coroutine_traits<Framed<T, E>, Args...> {
  using promise_type = Frame<T, E>;
};
}
// Boost.Cobalt's post coroutine: coroutines returning a coroutine_handle of
// one promise, keyed by a partial specialisation on that handle type. Other
// handles are no coroutine type.
template <class T> struct PostPromise : Promise<std::suspend_always> {
  std::coroutine_handle<PostPromise> get_return_object();
};
struct OtherPromise {};
namespace std {
template <class T, class... Args>
struct coroutine_traits<coroutine_handle<PostPromise<T>>, Args...> {
  using promise_type = PostPromise<T>;
};
}
struct Derived : Awaiter {};
struct Plain { int x; };
using Alias = Lazy<int>;
)cpp";

class Classifier : public ::testing::Test {
protected:
  void SetUp() override {
    AST = tooling::buildASTFromCodeWithArgs(
        std::string(Prelude) + R"cpp(
Lazy<int> lazy(); Eager eager(); Awaiter awaiter(); MemberOp member();
RunTime runtime(); Posted posted(); Framed<int> framed();
lib::FreeOp<int> freeop(); HiddenFriend hidden(); Generator gen();
AsyncGen<int> asyncgen(); Pulled<int> pulled();
std::coroutine_handle<PostPromise<int>> posthandle();
std::coroutine_handle<OtherPromise> otherhandle();
Derived derived(); Plain plain(); Alias alias(); Lazy<int> &ref();
Lazy<int> coro() { co_return; }
void notcoro() {}
Lazy<int> withlambda() { auto l = [] { return 1; }; co_return; }
// Calls complete the returned class types, as in real code.
void use_all() { lazy(); eager(); runtime(); posted(); framed(); awaiter(); member(); freeop(); hidden(); gen(); asyncgen(); pulled(); derived(); plain(); alias(); }
)cpp",
        {"-std=c++20"});
    ASSERT_TRUE(AST);
  }
  QualType returnTypeOf(const char *Name) {
    auto Found = match(functionDecl(hasName(Name)).bind("f"),
                       AST->getASTContext());
    EXPECT_FALSE(Found.empty()) << Name;
    return Found.front().getNodeAs<FunctionDecl>("f")->getReturnType();
  }
  CoroutineTypeKind kindOf(const char *Name) {
    CoroutineTypeClassifier C(AST->getASTContext());
    return C.classify(returnTypeOf(Name));
  }
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(Classifier, LazyTask) { EXPECT_EQ(kindOf("lazy"), CoroutineTypeKind::LazyTask); }
TEST_F(Classifier, AliasOfTask) { EXPECT_EQ(kindOf("alias"), CoroutineTypeKind::LazyTask); }
TEST_F(Classifier, EagerTask) { EXPECT_EQ(kindOf("eager"), CoroutineTypeKind::EagerTask); }
TEST_F(Classifier, LazyThroughUninstantiatedTraitsPromise) {
  EXPECT_EQ(kindOf("framed"), CoroutineTypeKind::LazyTask);
}
TEST_F(Classifier, StartDecidedAtRunTime) {
  EXPECT_EQ(kindOf("runtime"), CoroutineTypeKind::Task);
  EXPECT_TRUE(isAwaitableKind(kindOf("runtime")));
}
TEST_F(Classifier, StartOnAnExecutorIsNotLazy) {
  EXPECT_EQ(kindOf("posted"), CoroutineTypeKind::Task);
}
TEST_F(Classifier, PlainAwaiter) { EXPECT_EQ(kindOf("awaiter"), CoroutineTypeKind::Awaitable); }
TEST_F(Classifier, InheritedAwaiterMembers) { EXPECT_EQ(kindOf("derived"), CoroutineTypeKind::Awaitable); }
TEST_F(Classifier, MemberCoAwait) { EXPECT_EQ(kindOf("member"), CoroutineTypeKind::Awaitable); }
TEST_F(Classifier, FreeTemplateCoAwait) { EXPECT_EQ(kindOf("freeop"), CoroutineTypeKind::Awaitable); }
TEST_F(Classifier, HiddenFriendCoAwait) { EXPECT_EQ(kindOf("hidden"), CoroutineTypeKind::Awaitable); }
TEST_F(Classifier, SyncGeneratorIsNotAwaitable) {
  EXPECT_EQ(kindOf("gen"), CoroutineTypeKind::SyncGenerator);
  EXPECT_FALSE(isAwaitableKind(kindOf("gen")));
}
TEST_F(Classifier, TraitsKeyedOnOneHandleTypeLeaveOtherHandlesAlone) {
  CoroutineTypeClassifier C(AST->getASTContext());
  EXPECT_NE(C.promiseType(returnTypeOf("posthandle")), nullptr);
  EXPECT_EQ(C.promiseType(returnTypeOf("otherhandle")), nullptr);
  EXPECT_EQ(kindOf("otherhandle"), CoroutineTypeKind::None);
  EXPECT_NE(C.promiseType(returnTypeOf("framed")), nullptr);
}

TEST_F(Classifier, OnlyARangeWithAPlainIteratorIsASyncGenerator) {
  CoroutineTypeClassifier C(AST->getASTContext());
  EXPECT_TRUE(C.isSyncGenerator(returnTypeOf("gen")));
  EXPECT_FALSE(C.isSyncGenerator(returnTypeOf("asyncgen")));
  EXPECT_FALSE(C.isSyncGenerator(returnTypeOf("pulled")));
  EXPECT_FALSE(C.isSyncGenerator(returnTypeOf("lazy")));
  // A generator pulled through next() is not a task awaited through a
  // promise's await_transform, however lazy its promise.
  EXPECT_EQ(kindOf("pulled"), CoroutineTypeKind::SyncGenerator);
}
TEST_F(Classifier, PlainClass) { EXPECT_EQ(kindOf("plain"), CoroutineTypeKind::None); }
TEST_F(Classifier, ReferencesAreNotNewWork) { EXPECT_EQ(kindOf("ref"), CoroutineTypeKind::None); }
TEST_F(Classifier, ScalarTypes) { EXPECT_EQ(kindOf("notcoro"), CoroutineTypeKind::None); }

TEST_F(Classifier, EnclosingCoroutine) {
  auto &Ctx = AST->getASTContext();
  auto Returns = match(returnStmt(hasAncestor(lambdaExpr())).bind("r"), Ctx);
  ASSERT_EQ(Returns.size(), 1u); // the lambda's
  const auto *InLambda = Returns.front().getNodeAs<ReturnStmt>("r");
  const FunctionDecl *Fn = getEnclosingFunction(*InLambda, Ctx);
  ASSERT_TRUE(Fn);
  EXPECT_EQ(describeFunction(Fn), "lambda");
  // A lambda inside a coroutine is its own scope.
  EXPECT_EQ(getEnclosingCoroutine(*InLambda, Ctx), nullptr);

  auto CoReturns = match(coreturnStmt().bind("c"), Ctx);
  ASSERT_GE(CoReturns.size(), 2u); // Written ones and implicit fall-through.
  for (const auto &Node : CoReturns) {
    const FunctionDecl *Coro =
        getEnclosingCoroutine(*Node.getNodeAs<CoreturnStmt>("c"), Ctx);
    ASSERT_TRUE(Coro);
    EXPECT_TRUE(isCoroutine(Coro));
  }
}

// Awaitability through the awaiting coroutine's promise (folly's Task
// shape): a lazy task with no awaiter of its own is awaitable only where
// an await_transform accepts it.
const std::string TransformPrelude = std::string(Prelude) + R"cpp(
template <class T> struct Transformed {
  struct promise_type : Promise<std::suspend_always> { Transformed get_return_object(); };
};
template <class T> Awaiter viaIfAsync(Transformed<T> &&);
template <class A> concept IsTransformed = requires { typename A::promise_type; };
#define HOST(Name, Transforms)                                                 \
  struct Name {                                                                \
    struct promise_type : Promise<std::suspend_always> {                       \
      Name get_return_object();                                                \
      Transforms                                                               \
    };                                                                         \
    bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); \
  };
HOST(AnyHost, template <class A> auto await_transform(A &&a) { return viaIfAsync(static_cast<A &&>(a)); })
struct TransformBase { template <class A> auto await_transform(A &&a) { return viaIfAsync(static_cast<A &&>(a)); } };
struct InheritedHost {
  struct promise_type : Promise<std::suspend_always>, TransformBase {
    InheritedHost get_return_object();
    using TransformBase::await_transform;
  };
};
HOST(ExactHost, Awaiter await_transform(Transformed<int>);)
HOST(OtherExactHost, Awaiter await_transform(Awaiter);)
HOST(DeletedHost, template <class A> auto await_transform(A &&) = delete;)
HOST(ConstrainedHost, template <class A> requires IsTransformed<std::remove_reference_t<A>> auto await_transform(A &&a) { return viaIfAsync(static_cast<A &&>(a)); })
Transformed<int> transformed();
Transformed<long> other();
AnyHost any() { co_return; }
InheritedHost inherited() { co_return; }
ExactHost exact() { co_return; }
OtherExactHost otherexact() { co_return; }
DeletedHost deleted() { co_return; }
ConstrainedHost constrained() { co_return; }
ConstrainedHost constrainedUser() { co_await transformed(); }
Lazy<int> plainhost() { co_return; }
void use() { transformed(); other(); }
)cpp";

class AwaitTransform : public ::testing::Test {
protected:
  void SetUp() override {
    AST = tooling::buildASTFromCodeWithArgs(
        "#include <type_traits>\n" + TransformPrelude, {"-std=c++20"});
    ASSERT_TRUE(AST);
  }
  const FunctionDecl *fn(const char *Name) {
    auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                       AST->getASTContext());
    EXPECT_FALSE(Found.empty()) << Name;
    return Found.empty() ? nullptr : Found.front().getNodeAs<FunctionDecl>("f");
  }
  bool awaitableIn(const char *Task, const char *Coroutine) {
    auto Found = match(functionDecl(hasName(Task)).bind("f"),
                       AST->getASTContext());
    EXPECT_FALSE(Found.empty()) << Task;
    CoroutineTypeClassifier C(AST->getASTContext());
    return C.awaitableIn(
        Found.front().getNodeAs<FunctionDecl>("f")->getReturnType(),
        fn(Coroutine));
  }
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(AwaitTransform, LazyTaskWithoutAwaiterIsTransformed) {
  auto Found = match(functionDecl(hasName("transformed")).bind("f"),
                     AST->getASTContext());
  ASSERT_FALSE(Found.empty());
  CoroutineTypeClassifier C(AST->getASTContext());
  CoroutineTypeKind Kind =
      C.classify(Found.front().getNodeAs<FunctionDecl>("f")->getReturnType());
  EXPECT_EQ(Kind, CoroutineTypeKind::TransformedTask);
  EXPECT_TRUE(isTaskKind(Kind));
}
TEST_F(AwaitTransform, UnconstrainedTemplateAccepts) {
  EXPECT_TRUE(awaitableIn("transformed", "any"));
  EXPECT_TRUE(awaitableIn("transformed", "inherited"));
}
TEST_F(AwaitTransform, NonTemplateOverloadAcceptsItsOwnType) {
  EXPECT_TRUE(awaitableIn("transformed", "exact"));
  EXPECT_FALSE(awaitableIn("other", "exact"));
  EXPECT_FALSE(awaitableIn("transformed", "otherexact"));
}
TEST_F(AwaitTransform, DeletedOrMissingTransformAcceptsNothing) {
  EXPECT_FALSE(awaitableIn("transformed", "deleted"));
  EXPECT_FALSE(awaitableIn("transformed", "plainhost"));
}
TEST_F(AwaitTransform, ConstrainedTemplateAcceptsWhatTheCompilerInstantiated) {
  // constrainedUser awaited a Transformed<int>: the template accepts the
  // class template, so Transformed<long> too.
  EXPECT_TRUE(awaitableIn("transformed", "constrained"));
  EXPECT_TRUE(awaitableIn("other", "constrained"));
}
TEST_F(AwaitTransform, AwaitablesNeedNoTransform) {
  EXPECT_TRUE(awaitableIn("plainhost", "any"));
}

TEST(SpelledType, AliasesNameTheClass) {
  auto AST = tooling::buildASTFromCodeWithArgs(R"cpp(
namespace lib { template <class T> struct Box {}; }
template <class T> using Id = T;
using lib::Box;
Box<int> asWritten();
Box<Id<int>> throughAlias();
using IntBox = Box<int>;
IntBox typedefed();
)cpp", {"-std=c++20"});
  ASSERT_TRUE(AST);
  auto &Ctx = AST->getASTContext();
  auto typeOf = [&](const char *Name) {
    auto Found = match(functionDecl(hasName(Name)).bind("f"), Ctx);
    return spelledType(Found.front().getNodeAs<FunctionDecl>("f")->getReturnType(), Ctx);
  };
  EXPECT_EQ(typeOf("asWritten"), "Box<int>");
  EXPECT_EQ(typeOf("throughAlias"), "lib::Box<int>");
  EXPECT_EQ(typeOf("typedefed"), "lib::Box<int>");
}

TEST(Runtimes, QualifiedNamesDropInlineNamespacesAndTemplateArguments) {
  auto AST = tooling::buildASTFromCodeWithArgs(R"cpp(
namespace std { inline namespace __1 { template <class T> struct future { T get(); }; } }
namespace corio { template <class T> struct Result { explicit operator bool() const; T value(); }; }
void use() { std::future<int> f; f.get(); corio::Result<int> r; r.value(); }
)cpp", {"-std=c++20"});
  ASSERT_TRUE(AST);
  auto &Ctx = AST->getASTContext();
  auto Calls = match(cxxMemberCallExpr().bind("c"), Ctx);
  ASSERT_EQ(Calls.size(), 2u);
  std::vector<std::string> Names;
  for (const auto &Node : Calls)
    Names.push_back(qualifiedName(
        Node.getNodeAs<CXXMemberCallExpr>("c")->getMethodDecl()));
  EXPECT_EQ(Names[0], "std::future::get");
  EXPECT_EQ(Names[1], "corio::Result::value");

  QualifiedNameSet Set(parseNameList(" ::std::future::get ; corio::other;"));
  EXPECT_TRUE(Set.matches(Calls[0].getNodeAs<CXXMemberCallExpr>("c")->getMethodDecl()));
  EXPECT_FALSE(Set.matches(Calls[1].getNodeAs<CXXMemberCallExpr>("c")->getMethodDecl()));
  Set.remove({"std::future::get"});
  EXPECT_FALSE(Set.contains("std::future::get"));
}

TEST(Runtimes, EveryPresetIsNamedAndQualified) {
  for (const RuntimePreset &P : runtimePresets()) {
    EXPECT_FALSE(P.Name.empty());
    for (auto Field : {&RuntimePreset::TaskTypes, &RuntimePreset::EntryPoints,
                       &RuntimePreset::SpawnFunctions})
      for (llvm::StringRef Name : P.*Field)
        EXPECT_TRUE(Name.contains("::")) << P.Name.str() << ": " << Name.str();
  }
  EXPECT_FALSE(presetNames(&RuntimePreset::EntryPoints).empty());
}

} // namespace
