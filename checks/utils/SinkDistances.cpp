//===--- SinkDistances.cpp ------------------------------------------------===//

#include "SinkDistances.h"
#include <algorithm>
#include <functional>
#include <queue>

namespace clang::tidy::coro::utils {

std::vector<unsigned> SinkGraph::distances() const {
  const unsigned N = size();
  // Edges reversed, in compressed rows: predecessors of each node.
  std::vector<unsigned> Start(N + 1, 0);
  for (const Edge &E : Edges)
    ++Start[E.To + 1];
  for (unsigned I = 0; I < N; ++I)
    Start[I + 1] += Start[I];
  std::vector<unsigned> Fill(Start.begin(), Start.end() - 1);
  std::vector<unsigned> Pred(Edges.size()), PredWeight(Edges.size());
  // An "all" node waits for each of its targets once per edge to it.
  std::vector<unsigned> Waiting(N, 0);
  for (const Edge &E : Edges) {
    Pred[Fill[E.To]] = E.From;
    PredWeight[Fill[E.To]++] = E.Weight;
    if (All[E.From])
      ++Waiting[E.From];
  }

  std::vector<unsigned> Best(N, Unreachable);
  std::vector<bool> Done(N, false);
  using Entry = std::pair<unsigned, unsigned>; // (distance, node)
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> Queue;
  for (unsigned I = 0; I < N; ++I)
    if (Seed[I] != Unreachable && !All[I]) {
      Best[I] = Seed[I];
      Queue.push({Seed[I], I});
    }
  while (!Queue.empty()) {
    auto [D, I] = Queue.top();
    Queue.pop();
    if (Done[I] || D != Best[I])
      continue;
    Done[I] = true;
    for (unsigned K = Start[I]; K < Start[I + 1]; ++K) {
      unsigned P = Pred[K];
      if (Done[P])
        continue;
      unsigned Through = D + PredWeight[K];
      if (All[P]) {
        // Nodes leave the heap in increasing distance: the last target
        // to arrive has the largest one.
        if (--Waiting[P] == 0) {
          Best[P] = Through;
          Queue.push({Through, P});
        }
        continue;
      }
      if (Through < Best[P]) {
        Best[P] = Through;
        Queue.push({Through, P});
      }
    }
  }
  return Best;
}

} // namespace clang::tidy::coro::utils
