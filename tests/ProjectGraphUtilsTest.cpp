//===--- ProjectGraphUtilsTest.cpp - SinkDistances, facts, ProjectGraph ---===//

#include "checks/utils/ProjectFacts.h"
#include "checks/utils/ProjectGraph.h"
#include "checks/utils/SinkDistances.h"
#include "gtest/gtest.h"

using namespace clang::tidy::coro::utils;

namespace {

constexpr unsigned Never = SinkGraph::Unreachable;

TEST(SinkDistances, ShortestDistanceThroughCallsAndCycles) {
  // 0 -> 1 -> 2 (sink call), 0 -> 3 -> 0 (cycle), 4 isolated.
  SinkGraph G(5);
  G.addEdge(0, 1);
  G.addEdge(1, 2);
  G.seed(2, 1);
  G.addEdge(0, 3);
  G.addEdge(3, 0);
  std::vector<unsigned> D = G.distances();
  EXPECT_EQ(D, (std::vector<unsigned>{3, 2, 1, 4, Never}));
}

TEST(SinkDistances, SeedsAreUpperBounds) {
  SinkGraph G(2);
  G.seed(0, 7);
  G.addEdge(0, 1);
  G.seed(1, 1);
  EXPECT_EQ(G.distances()[0], 2u);
}

TEST(SinkDistances, AllNodeNeedsEveryTargetAndTakesTheFarthest) {
  // 2 is an "all" node over 0 (distance 1) and 1 (distance 3 via 3, 4).
  SinkGraph G(6);
  G.seed(0, 1);
  G.addEdge(1, 3);
  G.addEdge(3, 4);
  G.seed(4, 1);
  G.requireAll(2);
  G.addEdge(2, 0, 0);
  G.addEdge(2, 1, 0);
  G.addEdge(5, 2); // A call to the dispatch.
  std::vector<unsigned> D = G.distances();
  EXPECT_EQ(D[1], 3u);
  EXPECT_EQ(D[2], 3u);
  EXPECT_EQ(D[5], 4u);

  SinkGraph H(3);
  H.seed(0, 1);
  H.requireAll(2);
  H.addEdge(2, 0, 0);
  H.addEdge(2, 1, 0); // 1 never reaches a sink.
  EXPECT_EQ(H.distances()[2], Never);
  SinkGraph Empty(1);
  Empty.requireAll(0);
  EXPECT_EQ(Empty.distances()[0], Never);
}

FunctionFacts function(const std::string &Usr, const std::string &File,
                       std::vector<std::string> Callees = {},
                       bool Sink = false) {
  FunctionFacts F;
  F.Usr = Usr;
  F.Name = "'" + Usr + "'";
  F.Place = {File, 10, 2, 1};
  if (Sink)
    F.Sink = SinkFact{{File, 20, 3, 3}, "'recv'"};
  unsigned Offset = 30;
  for (const std::string &C : Callees) {
    CallFact Call;
    Call.Callee = C;
    Call.Name = "'" + C + "'";
    Call.Place = {File, Offset++, 4, 5};
    F.Calls.push_back(Call);
  }
  return F;
}

FunctionFacts coroutine(const std::string &Usr, const std::string &File,
                        std::vector<std::string> Callees) {
  FunctionFacts F = function(Usr, File, std::move(Callees));
  F.Coroutine = true;
  F.CoroutineName = "coroutine '" + Usr + "'";
  return F;
}

UnitFacts unit(const std::string &Main, std::vector<FunctionFacts> Functions,
               unsigned MaxDepth = 8, bool Any = false) {
  AnalysisFacts A;
  A.Check = "coro-blocking-call";
  A.MaxDepth = MaxDepth;
  A.AnyOverride = Any;
  A.Functions = std::move(Functions);
  UnitFacts U;
  U.MainFile = Main;
  U.Analyses.push_back(std::move(A));
  return U;
}

TEST(ProjectGraph, EveryChainCheckHasAWordingAndNoOtherCheckDoes) {
  for (const char *Check : ChainChecks) {
    const ChainWording *Wording = chainWording(Check);
    ASSERT_NE(Wording, nullptr) << Check;
    EXPECT_FALSE(Wording->HeadlineMark.empty()) << Check;
    EXPECT_TRUE(llvm::StringRef(Wording->Headline("h", "c", "s"))
                    .contains(Wording->HeadlineMark))
        << Check;
  }
  // Every registered check: a wording exactly for the chain checks.
  std::vector<std::string> Registered = {
#define CORO_CHECK(Name, Class, DocsPage, Summary) Name,
#include "checks/CheckRegistry.def"
  };
  ASSERT_FALSE(Registered.empty());
  for (const std::string &Check : Registered)
    EXPECT_EQ(chainWording(Check) != nullptr,
              llvm::is_contained(ChainChecks, Check))
        << Check;
}

TEST(ProjectGraph, ChainAcrossUnitsHasANotePerStepInItsFile) {
  UnitFacts Routes = unit("/p/routes.cpp", {coroutine("route", "/p/routes.cpp", {"query"})});
  UnitFacts Db = unit("/p/db.cpp", {function("query", "/p/db.cpp", {"read_all"})});
  UnitFacts Net = unit("/p/net.cpp", {function("read_all", "/p/net.cpp", {}, true)});
  ProjectGraph G;
  G.add(Routes);
  G.add(Db);
  G.add(Net);
  std::vector<ProjectFinding> F = G.findingsFor(Routes);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Place.File, "/p/routes.cpp");
  EXPECT_EQ(F[0].Message, "call to 'query' in coroutine 'route' can reach a "
                          "blocking call to 'recv'");
  ASSERT_EQ(F[0].Notes.size(), 2u);
  EXPECT_EQ(F[0].Notes[0].Place.File, "/p/db.cpp");
  EXPECT_EQ(F[0].Notes[0].Message, "'query' calls 'read_all'");
  EXPECT_EQ(F[0].Notes[1].Place.File, "/p/net.cpp");
  EXPECT_EQ(F[0].Notes[1].Message, "'read_all' calls 'recv', which can block");
  EXPECT_TRUE(G.findingsFor(Db).empty()); // No coroutine there.
}

TEST(ProjectGraph, MaxDepthCountsTheCoroutinesCall) {
  UnitFacts Routes = unit("/p/r.cpp", {coroutine("route", "/p/r.cpp", {"a"})}, 2);
  ProjectGraph G;
  G.add(Routes);
  G.add(unit("/p/a.cpp", {function("a", "/p/a.cpp", {"b"})}));
  G.add(unit("/p/b.cpp", {function("b", "/p/b.cpp", {}, true)}));
  EXPECT_TRUE(G.findingsFor(Routes).empty()); // route -> a -> b -> recv: 3.
  UnitFacts Deeper = unit("/p/r.cpp", {coroutine("route", "/p/r.cpp", {"a"})}, 3);
  EXPECT_EQ(G.findingsFor(Deeper).size(), 1u);
}

TEST(ProjectGraph, FirstDefinitionWinsAndCoroutinesAreNotFollowed) {
  UnitFacts Routes = unit("/p/r.cpp", {coroutine("route", "/p/r.cpp", {"h", "task"})});
  ProjectGraph G;
  G.add(Routes);
  G.add(unit("/p/a.cpp", {function("h", "/p/a.cpp")}));          // clean
  G.add(unit("/p/b.cpp", {function("h", "/p/b.cpp", {}, true)})); // ignored
  G.add(unit("/p/c.cpp", {coroutine("task", "/p/c.cpp", {})}));
  FunctionFacts Blocking = function("task", "/p/d.cpp", {}, true);
  G.add(unit("/p/d.cpp", {Blocking})); // "task" is c.cpp's coroutine.
  EXPECT_TRUE(G.findingsFor(Routes).empty());
}

TEST(ProjectGraph, MarksStopOrEndChains) {
  FunctionFacts Quiet = function("quiet", "/p/q.cpp", {"recv_helper"});
  Quiet.Marked = FunctionFacts::Mark::Opaque;
  FunctionFacts Loud = function("loud", "/p/l.cpp");
  Loud.Marked = FunctionFacts::Mark::Sink;
  UnitFacts Routes = unit("/p/r.cpp", {coroutine("route", "/p/r.cpp", {"quiet", "loud"})});
  ProjectGraph G;
  G.add(Routes);
  G.add(unit("/p/q.cpp", {Quiet, function("recv_helper", "/p/q.cpp", {}, true)}));
  G.add(unit("/p/l.cpp", {Loud}));
  std::vector<ProjectFinding> F = G.findingsFor(Routes);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "blocking call to 'loud' in coroutine 'route'");
  EXPECT_TRUE(F[0].Notes.empty());
}

TEST(ProjectGraph, VirtualCallsNeedEveryOverrideOrAny) {
  auto Routes = [](bool Any) {
    FunctionFacts R = coroutine("route", "/p/r.cpp", {"Base::get"});
    R.Calls[0].Virtual = true;
    R.Calls[0].Pure = true;
    return unit("/p/r.cpp", {R}, 8, Any);
  };
  FunctionFacts Disk = function("Disk::get", "/p/disk.cpp", {}, true);
  Disk.Overrides = {"Base::get"};
  FunctionFacts Memory = function("Memory::get", "/p/mem.cpp");
  Memory.Overrides = {"Base::get"};
  ProjectGraph G;
  UnitFacts All = Routes(false), Any = Routes(true);
  G.add(All);
  G.add(unit("/p/disk.cpp", {Disk}));
  EXPECT_EQ(G.findingsFor(All).size(), 1u); // The only override blocks.
  G.add(unit("/p/mem.cpp", {Memory}));
  EXPECT_TRUE(G.findingsFor(All).empty());  // One does not.
  std::vector<ProjectFinding> F = G.findingsFor(Any);
  ASSERT_EQ(F.size(), 1u);
  ASSERT_GE(F[0].Notes.size(), 2u);
  EXPECT_EQ(F[0].Notes[0].Message, "'Disk::get' overrides 'Base::get' and can block");
  EXPECT_EQ(F[0].Notes[0].Place.File, "/p/disk.cpp");
}

TEST(ProjectFacts, RoundTripAndRejection) {
  FunctionFacts R = coroutine("route", "/p/r.cpp", {"a"});
  R.Calls[0].Virtual = true;
  FunctionFacts A = function("a", "/p/a.cpp", {"b"}, true);
  A.Overrides = {"base"};
  A.Marked = FunctionFacts::Mark::Sink;
  UnitFacts U = unit("/p/r.cpp", {R, A}, 0, true);
  llvm::Expected<UnitFacts> Back = unitFactsFromJSON(toJSON(U));
  ASSERT_TRUE(bool(Back));
  EXPECT_EQ(llvm::json::Value(toJSON(*Back)), llvm::json::Value(toJSON(U)));
  EXPECT_EQ(Back->Analyses[0].Functions[1].Overrides[0], "base");
  EXPECT_TRUE(Back->Analyses[0].Functions[0].Calls[0].Virtual);

  for (const char *Bad :
       {"[]", "{\"version\": 2}",
        "{\"version\": 1, \"main\": \"m\", \"strings\": [], \"analyses\": [1]}",
        "{\"version\": 1, \"main\": \"m\", \"strings\": [\"x\"], \"analyses\": "
        "[{\"check\": \"c\", \"maxDepth\": 8, \"anyOverride\": false, "
        "\"functions\": [[0, 0, 9, 0, 0, 0, 0, 0, null, [], []]]}]}"}) {
    llvm::Expected<llvm::json::Value> V = llvm::json::parse(Bad);
    ASSERT_TRUE(bool(V)) << Bad;
    llvm::Expected<UnitFacts> F = unitFactsFromJSON(*V);
    EXPECT_FALSE(bool(F)) << Bad;
    if (!F)
      llvm::consumeError(F.takeError());
  }
  llvm::Expected<std::vector<UnitFacts>> Index =
      indexFromJSON(indexToJSON({U, U}));
  ASSERT_TRUE(bool(Index));
  EXPECT_EQ(Index->size(), 2u);
}

} // namespace
