//===--- ProjectGraph.cpp -------------------------------------------------===//

#include "ProjectGraph.h"
#include "SinkDistances.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace clang::tidy::coro::utils {

namespace {
constexpr unsigned Unreachable = SinkGraph::Unreachable;

/// One propagation per VirtualCalls mode, made the first time a unit asks.
struct Solved {
  std::vector<unsigned> Distance;
  llvm::StringMap<unsigned> Dispatch; ///< Method USR -> its node.
  std::vector<std::vector<unsigned>> DispatchTargets;
  unsigned Unknown = 0; ///< A body nobody has: never reaches a sink.
  /// The node each call of each function goes to, resolved once (the
  /// chains are walked by index, not by USR): function I's calls are
  /// CallTargets[CallStart[I] .. CallStart[I + 1]).
  std::vector<unsigned> CallStart, CallTargets;
};

} // namespace

struct ProjectGraph::Analysis {
  std::vector<const FunctionFacts *> Functions;
  /// Functions[I] is followed (not a coroutine, not marked non-blocking),
  /// and is a coroutine: dense, so that walking a graph of random calls
  /// does not chase a pointer per call.
  std::vector<char> Followable, IsCoroutine;
  llvm::StringMap<unsigned> Index; ///< USR -> position in Functions.
  /// Method USR -> functions that override it (directly or not).
  llvm::StringMap<std::vector<unsigned>> Overriders;
  size_t Calls = 0;

  std::optional<Solved> Modes[2]; ///< 0: VirtualCalls=all, 1: any.

  bool followable(unsigned F) const { return Followable[F]; }
  /// The node a call goes to, or Unreachable.
  unsigned target(const Solved &S, const CallFact &Call) const {
    if (Call.Virtual) {
      auto It = S.Dispatch.find(Call.Callee);
      return It == S.Dispatch.end() ? Unreachable : It->second;
    }
    auto It = Index.find(Call.Callee);
    if (It == Index.end() || IsCoroutine[It->second])
      return Unreachable;
    return It->second;
  }
  unsigned distance(const Solved &S, unsigned Node) const {
    return Node == Unreachable ? Unreachable : S.Distance[Node];
  }

  const Solved &solve(bool Any);
  void chainFindings(const FunctionFacts &Coroutine, const AnalysisFacts &Unit,
                     const llvm::StringSet<> &OwnUnit,
                     const ChainWording &Wording,
                     std::vector<ProjectFinding> &Out);
};

const Solved &ProjectGraph::Analysis::solve(bool Any) {
  std::optional<Solved> &Mode = Modes[Any ? 1 : 0];
  if (Mode)
    return *Mode;
  Mode.emplace();
  Solved &S = *Mode;
  const unsigned N = Functions.size();
  S.Unknown = N;
  // Dispatch nodes: one per method called virtually anywhere.
  llvm::StringMap<bool> PureMethods;
  for (const FunctionFacts *F : Functions)
    for (const CallFact &Call : F->Calls)
      if (Call.Virtual) {
        auto [It, New] = S.Dispatch.try_emplace(Call.Callee, 0);
        if (New) {
          It->second = N + 1 + S.DispatchTargets.size();
          S.DispatchTargets.emplace_back();
        }
        PureMethods[Call.Callee] |= Call.Pure;
      }
  for (auto &Entry : S.Dispatch) {
    std::vector<unsigned> &Targets = S.DispatchTargets[Entry.second - N - 1];
    auto Own = Index.find(Entry.getKey());
    if (Own != Index.end())
      Targets.push_back(Own->second);
    else if (!PureMethods.lookup(Entry.getKey()))
      Targets.push_back(S.Unknown); // A body outside the project.
    auto Over = Overriders.find(Entry.getKey());
    if (Over != Overriders.end())
      Targets.insert(Targets.end(), Over->second.begin(), Over->second.end());
  }

  SinkGraph Graph(N + 1 + S.DispatchTargets.size());
  S.CallStart.reserve(N + 1);
  S.CallTargets.reserve(Calls);
  for (unsigned I = 0; I < N; ++I) {
    const FunctionFacts &F = *Functions[I];
    S.CallStart.push_back(S.CallTargets.size());
    bool Follows = followable(I);
    if (Follows && F.Marked == FunctionFacts::Mark::Sink)
      Graph.seed(I, 0);
    if (Follows && F.Sink)
      Graph.seed(I, 1);
    for (const CallFact &Call : F.Calls) {
      unsigned To = target(S, Call);
      S.CallTargets.push_back(To);
      if (Follows && To != Unreachable)
        Graph.addEdge(I, To);
    }
  }
  S.CallStart.push_back(S.CallTargets.size());
  for (size_t D = 0; D < S.DispatchTargets.size(); ++D) {
    unsigned Node = N + 1 + D;
    if (!Any)
      Graph.requireAll(Node);
    for (unsigned T : S.DispatchTargets[D]) {
      if (T < N && !followable(T)) {
        if (!Any) // A coroutine override never blocks its caller's thread.
          Graph.addEdge(Node, S.Unknown, 0);
        continue;
      }
      Graph.addEdge(Node, T, 0);
    }
  }
  S.Distance = Graph.distances();
  return S;
}

void ProjectGraph::Analysis::chainFindings(const FunctionFacts &Coroutine,
                                           const AnalysisFacts &Unit,
                                           const llvm::StringSet<> &OwnUnit,
                                           const ChainWording &Wording,
                                           std::vector<ProjectFinding> &Out) {
  const Solved &S = solve(Unit.AnyOverride);
  const unsigned N = Functions.size();

  struct Step {
    const FactPlace *Place;
    llvm::StringRef Caller, Callee;
  };
  for (const CallFact &First : Coroutine.Calls) {
    unsigned Node = target(S, First);
    unsigned D = distance(S, Node);
    if (D == Unreachable || (Unit.MaxDepth && D + 1 > Unit.MaxDepth))
      continue;
    std::vector<Step> Steps{{&First.Place, Coroutine.Name, First.Name}};
    std::vector<FindingNote> OverrideNotes; // Placed after the first step.
    llvm::StringRef Method = First.Name;
    llvm::StringRef SinkName;
    bool LeavesUnit = false;
    while (true) {
      if (Node > N) { // A dispatch node: go on with its nearest target.
        unsigned Best = Unreachable;
        for (unsigned T : S.DispatchTargets[Node - N - 1]) {
          if (T >= N)
            continue;
          if (S.Distance[T] != Unreachable) {
            LeavesUnit |= !OwnUnit.contains(Functions[T]->Usr);
            OverrideNotes.push_back(
                {Functions[T]->Place,
                 Wording.Override(Functions[T]->Name, Method,
                                  !Unit.AnyOverride)});
          }
          if (Best == Unreachable || S.Distance[T] < S.Distance[Best])
            Best = T;
        }
        Node = Best;
        continue;
      }
      const FunctionFacts &F = *Functions[Node];
      LeavesUnit |= !OwnUnit.contains(F.Usr);
      if (F.Marked == FunctionFacts::Mark::Sink) {
        SinkName = Steps.back().Callee;
        break;
      }
      if (S.Distance[Node] == 1 && F.Sink) {
        Steps.push_back({&F.Sink->Place, F.Name, F.Sink->Name});
        SinkName = F.Sink->Name;
        break;
      }
      bool Advanced = false;
      for (unsigned K = 0; K < F.Calls.size(); ++K) {
        const CallFact &Call = F.Calls[K];
        unsigned To = S.CallTargets[S.CallStart[Node] + K];
        if (distance(S, To) != Unreachable &&
            distance(S, To) + 1 == S.Distance[Node]) {
          Steps.push_back({&Call.Place, F.Name, Call.Name});
          Method = Call.Name;
          Node = To;
          Advanced = true;
          break;
        }
      }
      if (!Advanced) // Cannot happen: a finite distance has a next step.
        break;
    }
    if (SinkName.empty() || !LeavesUnit)
      continue;

    ProjectFinding Finding;
    Finding.Check = Unit.Check;
    Finding.Place = First.Place;
    if (Steps.size() == 1) {
      Finding.Message = Wording.Direct(SinkName, Coroutine.CoroutineName);
    } else {
      Finding.Message =
          Wording.Headline(First.Name, Coroutine.CoroutineName, SinkName);
    }
    // Override notes belong to the step that made the virtual call; they
    // are few, so keep them together after the step they follow.
    size_t NextOverride = 0;
    auto FlushOverrides = [&] {
      for (; NextOverride < OverrideNotes.size(); ++NextOverride)
        Finding.Notes.push_back(OverrideNotes[NextOverride]);
    };
    FlushOverrides();
    for (size_t I = 1; I < Steps.size(); ++I)
      Finding.Notes.push_back(
          {*Steps[I].Place, I + 1 < Steps.size()
                                ? Wording.Step(Steps[I].Caller, Steps[I].Callee)
                                : Wording.Last(Steps[I].Caller, SinkName)});
    Out.push_back(std::move(Finding));
  }
}

ProjectGraph::ProjectGraph() = default;
ProjectGraph::~ProjectGraph() = default;
ProjectGraph::ProjectGraph(ProjectGraph &&) = default;
ProjectGraph &ProjectGraph::operator=(ProjectGraph &&) = default;

ProjectGraph::Analysis &ProjectGraph::analysis(llvm::StringRef Check) {
  std::unique_ptr<Analysis> &A = Analyses[Check];
  if (!A)
    A = std::make_unique<Analysis>();
  return *A;
}

void ProjectGraph::add(UnitFacts Unit) {
  Units.push_back(std::move(Unit));
  for (const AnalysisFacts &Facts : Units.back().Analyses) {
    Analysis &A = analysis(Facts.Check);
    A.Modes[0].reset();
    A.Modes[1].reset();
    for (const FunctionFacts &F : Facts.Functions) {
      auto [It, New] = A.Index.try_emplace(F.Usr, A.Functions.size());
      if (!New)
        continue;
      A.Functions.push_back(&F);
      A.IsCoroutine.push_back(F.Coroutine);
      A.Followable.push_back(!F.Coroutine &&
                             F.Marked != FunctionFacts::Mark::Opaque);
      A.Calls += F.Calls.size();
      for (const std::string &Method : F.Overrides)
        A.Overriders[Method].push_back(It->second);
    }
  }
}

std::vector<ProjectFinding> ProjectGraph::findingsFor(const UnitFacts &Unit) {
  std::vector<ProjectFinding> Out;
  for (const AnalysisFacts &Facts : Unit.Analyses) {
    const ChainWording *Wording = chainWording(Facts.Check);
    auto It = Analyses.find(Facts.Check);
    if (!Wording || It == Analyses.end())
      continue;
    // A chain whose every function is in the coroutine's own unit is the
    // in-file check's to judge (it did, and found nothing to report): the
    // project graph reports what only other units show, so the plugin
    // without an index and the tool agree on every single file.
    llvm::StringSet<> OwnUnit;
    for (const FunctionFacts &F : Facts.Functions)
      OwnUnit.insert(F.Usr);
    for (const FunctionFacts &F : Facts.Functions)
      if (F.Coroutine && !F.Calls.empty())
        It->second->chainFindings(F, Facts, OwnUnit, *Wording, Out);
  }
  return Out;
}

size_t ProjectGraph::functions() const {
  size_t Total = 0;
  for (const auto &Entry : Analyses)
    Total += Entry.second->Functions.size();
  return Total;
}

size_t ProjectGraph::calls() const {
  size_t Total = 0;
  for (const auto &Entry : Analyses)
    Total += Entry.second->Calls;
  return Total;
}

} // namespace clang::tidy::coro::utils
