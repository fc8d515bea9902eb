//===--- SinkDistances.h - how far each function is from a sink -----------===//
//
// The one propagation behind every call chain: coro-blocking-call's and
// coro-nested-loop-run's chains inside a translation unit (CallChainFinder)
// and across the whole project (ProjectGraph) both ask it, for each node of
// a call graph, how many calls separate it from a sink.
//
// Nodes are numbered 0..N-1. A node's distance is the smallest of its seed
// (a sink call of its own: 1, or a distance already known from elsewhere)
// and, over its edges, the target's distance plus the edge's weight (1 for
// a call, 0 for "this dispatch may run that body"). An "all" node (a
// virtual call that reaches a sink only if every override does) takes the
// largest distance over its edges instead, and only if every target has
// one. Dijkstra's algorithm with a binary heap, extended to "all" nodes as
// in Knuth's generalisation: O((N + E) log N), and exact on cycles.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_SINKDISTANCES_H
#define CORO_TIDY_CHECKS_UTILS_SINKDISTANCES_H

#include <cstdint>
#include <vector>

namespace clang::tidy::coro::utils {

class SinkGraph {
public:
  static constexpr unsigned Unreachable = ~0u;

  explicit SinkGraph(unsigned Nodes)
      : Seed(Nodes, Unreachable), All(Nodes, false) {}

  unsigned size() const { return Seed.size(); }
  /// \p Node is \p Distance calls from a sink without following any edge.
  void seed(unsigned Node, unsigned Distance) {
    if (Distance < Seed[Node])
      Seed[Node] = Distance;
  }
  /// \p Node reaches a sink only if every target of its edges does.
  void requireAll(unsigned Node) { All[Node] = true; }
  void addEdge(unsigned From, unsigned To, unsigned Weight = 1) {
    Edges.push_back({From, To, Weight});
  }

  /// Each node's distance, Unreachable if it reaches no sink.
  std::vector<unsigned> distances() const;

private:
  struct Edge {
    unsigned From, To, Weight;
  };
  std::vector<unsigned> Seed;
  std::vector<bool> All;
  std::vector<Edge> Edges;
};

} // namespace clang::tidy::coro::utils

#endif
