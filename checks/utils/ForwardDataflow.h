//===--- ForwardDataflow.h - one forward dataflow solver over the CFG -*- C++ -*-===//
//
// The solver under every flow-sensitive fact of the checks (locks held,
// settled results checked): a forward analysis over clang's CFG to a fixed
// point, then a replay of each reached block with its fixed-point entry
// state, in which the analysis reports.
//
// Blocks are visited in reverse post-order through clang's own
// ForwardDataflowWorklist (clang/Analysis/FlowSensitive), so a gen/kill
// problem settles in a few passes. clang's full FlowSensitive framework
// (runDataflowAnalysis) is not used: it models every value and storage
// location and decides path conditions with a SAT solver, a cost per
// function far above what these small set-valued facts need; its worklist
// is what they share.
//
// A problem supplies:
//   using State = ...;                       // copyable, with operator==
//   State initialState();                    // at the entry block
//   void transfer(const CFGBlock &, State &, DataflowPass);
//   void refine(const CFGBlock &From, unsigned SuccIndex, State &);
//   bool join(State &Into, const State &From); // true if Into changed
// refine() narrows the state on one outgoing edge (SuccIndex 0 is the true
// branch of a two-way terminator). join() is union for a may-analysis,
// intersection for a must-analysis; the first state to reach a block is
// copied, so "top" needs no representation.
//
// The number of block visits is bounded (VisitsPerBlock times the number of
// blocks). A problem that does not settle within it leaves the solve
// incomplete; the result says so and the caller must report it
// (IncompleteFlowMessage), never drop it silently.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_FORWARDDATAFLOW_H
#define CORO_TIDY_CHECKS_UTILS_FORWARDDATAFLOW_H

#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include <optional>
#include <vector>

namespace clang::tidy::coro::utils {

/// The CFG of \p Body (the body of \p D) with every statement an element
/// of its block, as the flow facts that look at calls and their operands
/// need; null where clang cannot build one.
inline std::unique_ptr<CFG> buildStatementCFG(const Decl *D, Stmt *Body,
                                              ASTContext &Ctx) {
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  return CFG::buildCFG(D, Body, &Ctx, Options);
}

/// Why transfer() runs: to reach the fixed point (no reports), or in the
/// replay with the fixed-point entry state (report here).
enum class DataflowPass { Solve, Report };

/// Block visits allowed per block of the CFG: far above what a gen/kill
/// problem needs in reverse post-order (loop nesting depth plus two).
constexpr unsigned DefaultVisitsPerBlock = 64;

/// What a check reports at a function whose solve did not converge; %0 is
/// the function, %1 the number of block visits made.
constexpr const char *IncompleteFlowMessage =
    "flow analysis of '%0' stopped after %1 block visits; findings in it may "
    "be missing";

struct DataflowOutcome {
  bool Converged = true; ///< False: the step limit stopped the solve.
  unsigned Steps = 0;    ///< Block visits made.
  unsigned StepLimit = 0;
};

/// Solves \p P over \p Cfg, then replays every reached block with its entry
/// state (DataflowPass::Report), with at most \p VisitsPerBlock visits per
/// block on average (0: DefaultVisitsPerBlock). When the limit is hit, the replay still runs over the states
/// reached so far (findings on those paths are real), and the outcome says
/// that the solve did not converge.
template <typename Problem>
DataflowOutcome solveForward(const CFG &Cfg, Problem &P,
                             unsigned VisitsPerBlock = DefaultVisitsPerBlock) {
  using State = typename Problem::State;
  const unsigned NumBlocks = Cfg.getNumBlockIDs();
  DataflowOutcome Outcome;
  Outcome.StepLimit =
      (VisitsPerBlock ? VisitsPerBlock : DefaultVisitsPerBlock) * NumBlocks;

  std::vector<std::optional<State>> Entry(NumBlocks);
  PostOrderCFGView Order(&Cfg);
  ForwardDataflowWorklist Worklist(Cfg, &Order);
  const CFGBlock &EntryBlock = Cfg.getEntry();
  Entry[EntryBlock.getBlockID()] = P.initialState();
  Worklist.enqueueBlock(&EntryBlock);

  while (const CFGBlock *Block = Worklist.dequeue()) {
    if (Outcome.Steps == Outcome.StepLimit) {
      Outcome.Converged = false;
      break;
    }
    ++Outcome.Steps;
    State Out = *Entry[Block->getBlockID()];
    P.transfer(*Block, Out, DataflowPass::Solve);
    unsigned SuccIndex = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      unsigned Index = SuccIndex++;
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Next)
        continue;
      State Edge = Out;
      P.refine(*Block, Index, Edge);
      std::optional<State> &NextEntry = Entry[Next->getBlockID()];
      bool Changed;
      if (!NextEntry) {
        NextEntry = std::move(Edge);
        Changed = true;
      } else {
        Changed = P.join(*NextEntry, Edge);
      }
      if (Changed)
        Worklist.enqueueBlock(Next);
    }
  }

  for (const CFGBlock *Block : Cfg) {
    if (!Block || !Entry[Block->getBlockID()])
      continue;
    State S = *Entry[Block->getBlockID()];
    P.transfer(*Block, S, DataflowPass::Report);
  }
  return Outcome;
}

} // namespace clang::tidy::coro::utils

#endif
