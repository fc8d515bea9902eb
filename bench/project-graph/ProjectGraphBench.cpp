//===--- ProjectGraphBench.cpp - merge and propagation at scale -----------===//
//
// Generates the facts of a synthetic project (no parsing): U units, each
// defining F plain functions and one coroutine; every function makes C
// calls to functions of other units (a fixed pseudo-random graph with
// cycles, virtual calls and a sink in one function out of 50), then times
// what the driver does after the units: merging every unit into the
// ProjectGraph and asking each unit for its cross-file findings (the first
// ask runs the propagation). Prints one JSON line: units, functions,
// edges, CPU seconds (merge, findings, JSON round trip of one unit's facts) and
// the process's peak resident memory.
//
//   project-graph-bench <units> [functions-per-unit=10] [calls-per-function=10]
//                       [spread=0: calls to any unit; K: to the next K units]
//
//===----------------------------------------------------------------------===//

#include "utils/ProjectGraph.h"
#include "llvm/Support/raw_ostream.h"
#include <ctime>
#include <cstdlib>
#include <string>
#include <sys/resource.h>

using namespace clang::tidy::coro::utils;

namespace {

std::string usr(unsigned Unit, unsigned Function) {
  return "c:@N@app@F@f" + std::to_string(Unit) + "_" +
         std::to_string(Function) + "#I#";
}

UnitFacts makeUnit(unsigned U, unsigned Units, unsigned Functions,
                   unsigned Calls, unsigned Spread, uint64_t &Seed) {
  auto Next = [&Seed] {
    Seed = Seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<unsigned>(Seed >> 33);
  };
  std::string File = "/project/src/unit" + std::to_string(U) + ".cpp";
  AnalysisFacts A;
  A.Check = "coro-blocking-call";
  for (unsigned F = 0; F <= Functions; ++F) {
    FunctionFacts Fn;
    bool Coroutine = F == Functions;
    Fn.Usr = Coroutine ? "c:@N@app@F@route" + std::to_string(U) + "#"
                       : usr(U, F);
    Fn.Name = "'app::f" + std::to_string(U) + "_" + std::to_string(F) + "'";
    Fn.Place = {File, F * 100, F * 4 + 1, 1};
    Fn.Coroutine = Coroutine;
    if (Coroutine)
      Fn.CoroutineName = "coroutine 'route'";
    if (!Coroutine && Next() % 50 == 0)
      Fn.Sink = SinkFact{{File, F * 100 + 10, F * 4 + 2, 3}, "'recv'"};
    for (unsigned C = 0; C < Calls; ++C) {
      CallFact Call;
      // Spread 0: any unit (no locality at all); else one of the Spread
      // units after this one, as a project's modules mostly call their
      // neighbours.
      unsigned ToUnit = Spread ? (U + Next() % Spread) % Units : Next() % Units;
      unsigned ToFunction = Next() % Functions;
      Call.Callee = usr(ToUnit, ToFunction);
      Call.Name = "'app::f" + std::to_string(ToUnit) + "_" +
                  std::to_string(ToFunction) + "'";
      Call.Place = {File, F * 100 + 20 + C, F * 4 + 3, C + 1};
      Call.Virtual = Next() % 100 == 0;
      Fn.Calls.push_back(std::move(Call));
    }
    if (!Coroutine && Next() % 100 == 0)
      Fn.Overrides.push_back(usr(Next() % Units, Next() % Functions));
    A.Functions.push_back(std::move(Fn));
  }
  UnitFacts Unit;
  Unit.MainFile = File;
  Unit.Analyses.push_back(std::move(A));
  return Unit;
}

/// CPU seconds of this process: the machines here are shared and noisy,
/// and the analysis is single-threaded, so CPU time is what it costs.
double cpuNow() {
  struct timespec T;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &T);
  return T.tv_sec + T.tv_nsec / 1e9;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    llvm::errs() << "usage: project-graph-bench <units> [functions-per-unit] "
                    "[calls-per-function]\n";
    return 2;
  }
  unsigned Units = std::strtoul(argv[1], nullptr, 10);
  unsigned Functions = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 10;
  unsigned Calls = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 10;
  unsigned Spread = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 0;
  if (!Units || !Functions) {
    llvm::errs() << "project-graph-bench: units and functions must be > 0\n";
    return 2;
  }
  uint64_t Seed = 42;
  std::vector<UnitFacts> All;
  All.reserve(Units);
  for (unsigned U = 0; U < Units; ++U)
    All.push_back(makeUnit(U, Units, Functions, Calls, Spread, Seed));

  // What a warm run reads back from the cache: facts as JSON.
  double Start = cpuNow();
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << toJSON(All.front());
  OS.flush();
  auto Parsed = llvm::json::parse(Text);
  if (!Parsed || !unitFactsFromJSON(*Parsed)) {
    llvm::errs() << "project-graph-bench: facts do not round-trip\n";
    return 1;
  }
  double RoundTrip = cpuNow() - Start;

  Start = cpuNow();
  ProjectGraph Graph;
  for (const UnitFacts &U : All)
    Graph.add(U);
  double Merge = cpuNow() - Start;

  Start = cpuNow();
  size_t Findings = 0;
  for (const UnitFacts &U : All)
    Findings += Graph.findingsFor(U).size();
  double Propagate = cpuNow() - Start;

  struct rusage Usage;
  getrusage(RUSAGE_SELF, &Usage);
  llvm::outs() << "{\"units\": " << Units
               << ", \"functions\": " << Graph.functions()
               << ", \"edges\": " << Graph.calls()
               << ", \"findings\": " << Findings
               << ", \"merge_s\": " << Merge
               << ", \"propagate_and_report_s\": " << Propagate
               << ", \"unit_facts_json_bytes\": " << Text.size()
               << ", \"unit_facts_round_trip_s\": " << RoundTrip
               << ", \"peak_rss_mib\": " << Usage.ru_maxrss / 1024 << "}\n";
  return 0;
}
