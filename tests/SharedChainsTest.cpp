//===--- SharedChainsTest.cpp - one report for a step many chains share ---===//
//
// driver/ChainGroups.h end to end: chains that end at the same blocking
// call are one finding at that call once --group-chains-from sites reach
// it, counted over every unit of the run, after NOLINT; every format
// carries the sites as notes. Where the group could mislead (--fix,
// --diff, a step the run does not report, a NOLINTed step), each site is
// reported.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace coro_tidy::test;

namespace {

const char *const LogHeader = R"cpp(#pragma once
#include <unistd.h>
inline void flush_log() { ::fsync(1); }
inline void log(const char *) { flush_log(); }
)cpp";

/// \p Count coroutines, each logging once (one line each, from line 3).
std::string loggingCoroutines(const std::string &Prefix, unsigned Count) {
  std::string Text = "#include \"task.h\"\n#include \"log.h\"\n";
  for (unsigned I = 0; I < Count; ++I)
    Text += "Task<> " + Prefix + std::to_string(I) + "() { log(\"x\"); co_return; }\n";
  return Text;
}

struct LogProject : TaskProject {
  LogProject() { file("log.h", LogHeader); }
};

/// Runs are made in the project's folder, as users make them: its headers
/// are then the project's, which the run reports (a run from elsewhere
/// reports main files only, and groups nothing in a header).
std::vector<std::string> blockingCall(std::vector<std::string> Args) {
  Args.insert(Args.begin(), {"--checks=-*,coro-blocking-call", "--quiet"});
  return Args;
}

std::vector<Diagnostic> warnings(const ProcessResult &R) {
  std::vector<Diagnostic> Found;
  for (const Diagnostic &D : parseDiagnostics(R.Out))
    if (D.Level == "warning" || D.Level == "error")
      Found.push_back(D);
  return Found;
}

unsigned notes(const ProcessResult &R) {
  auto All = parseDiagnostics(R.Out);
  return std::count_if(All.begin(), All.end(),
                       [](const Diagnostic &D) { return D.Level == "note"; });
}

TEST(SharedChains, SitesOfEveryUnitAreOneFindingAtTheSharedCall) {
  LogProject P;
  std::string A = P.file("a.cpp", loggingCoroutines("a", 2));
  std::string B = P.file("b.cpp", loggingCoroutines("b", 1));
  ProcessResult R = run(coroTidy(), blockingCall({A, B}), P.Dir.path());
  ASSERT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  std::vector<Diagnostic> Found = warnings(R);
  ASSERT_EQ(Found.size(), 1u) << R.Out;
  EXPECT_EQ(Found[0].File, P.path("log.h"));
  EXPECT_EQ(Found[0].Line, 3u);
  EXPECT_EQ(Found[0].Message,
            "'flush_log' calls 'fsync', which can block; reached from "
            "coroutines at 3 call sites [coro-blocking-call]");
  // The first site with its chain, then each other site.
  std::vector<Diagnostic> All = parseDiagnostics(R.Out);
  ASSERT_EQ(All.size(), 5u) << R.Out;
  EXPECT_EQ(All[1].str(), A + ":3:15: note: call to 'log' in coroutine 'a0' "
                              "can reach a blocking call to 'fsync'");
  EXPECT_EQ(All[2].str(), P.path("log.h") + ":4:33: note: 'log' calls "
                                            "'flush_log'");
  EXPECT_EQ(All[3].File + ":" + std::to_string(All[3].Line), A + ":4");
  EXPECT_EQ(All[4].File + ":" + std::to_string(All[4].Line), B + ":3");
}

TEST(SharedChains, FewerSitesThanTheThresholdAreReportedEach) {
  LogProject P;
  std::string A = P.file("a.cpp", loggingCoroutines("a", 2));
  ProcessResult R = run(coroTidy(), blockingCall({A}), P.Dir.path());
  ASSERT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  std::vector<Diagnostic> Found = warnings(R);
  ASSERT_EQ(Found.size(), 2u) << R.Out;
  EXPECT_EQ(Found[0].File, A);
  EXPECT_EQ(Found[1].File, A);

  ProcessResult Two = run(coroTidy(), blockingCall({"--group-chains-from=2", A}), P.Dir.path());
  EXPECT_EQ(warnings(Two).size(), 1u) << Two.Out;
}

TEST(SharedChains, ZeroReportsEverySite) {
  LogProject P;
  std::string A = P.file("a.cpp", loggingCoroutines("a", 5));
  ProcessResult R = run(coroTidy(), blockingCall({"--group-chains-from=0", A}), P.Dir.path());
  ASSERT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  EXPECT_EQ(warnings(R).size(), 5u) << R.Out;
}

TEST(SharedChains, ManySitesListTheFirstTen) {
  LogProject P;
  std::string A = P.file("a.cpp", loggingCoroutines("a", 14));
  ProcessResult R = run(coroTidy(), blockingCall({A}), P.Dir.path());
  std::vector<Diagnostic> Found = warnings(R);
  ASSERT_EQ(Found.size(), 1u) << R.Out;
  EXPECT_NE(Found[0].Message.find("at 14 call sites (10 listed)"),
            std::string::npos)
      << Found[0].Message;
  EXPECT_EQ(notes(R), 11u) << R.Out; // 10 sites and the first one's step.
}

TEST(SharedChains, NolintedSitesDoNotCount) {
  LogProject P;
  std::string Text = loggingCoroutines("a", 3);
  Text.insert(Text.find("co_return; }\n") + 12, " // NOLINT(coro-blocking-call)");
  std::string A = P.file("a.cpp", Text);
  ProcessResult R = run(coroTidy(), blockingCall({A}), P.Dir.path());
  std::vector<Diagnostic> Found = warnings(R);
  ASSERT_EQ(Found.size(), 2u) << R.Out;
  EXPECT_EQ(Found[0].Line, 4u);
  EXPECT_EQ(Found[1].Line, 5u);
}

TEST(SharedChains, ANolintAtTheBlockingCallLeavesEachSite) {
  // clang-tidy drops the chain's last note: the chains no longer end at
  // the blocking call, and must not be grouped at the step before it.
  TaskProject P;
  P.file("log.h", R"cpp(#pragma once
#include <unistd.h>
inline void flush_log() { ::fsync(1); } // NOLINT(coro-blocking-call)
inline void log(const char *) { flush_log(); }
)cpp");
  std::string A = P.file("a.cpp", loggingCoroutines("a", 3));
  ProcessResult R = run(coroTidy(), blockingCall({A}), P.Dir.path());
  std::vector<Diagnostic> Found = warnings(R);
  ASSERT_EQ(Found.size(), 3u) << R.Out;
  for (const Diagnostic &D : Found)
    EXPECT_EQ(D.File, A);
}

TEST(SharedChains, AStepInAFileTheRunDoesNotReportLeavesEachSite) {
  LogProject P;
  std::string A = P.file("a.cpp", loggingCoroutines("a", 3));
  ProcessResult R =
      run(coroTidy(), blockingCall({"--header-filter=nothing-matches", A}), P.Dir.path());
  std::vector<Diagnostic> Found = warnings(R);
  ASSERT_EQ(Found.size(), 3u) << R.Out;
  EXPECT_EQ(Found[0].File, A);
}

TEST(SharedChains, FixAndDiffReportEachSite) {
  LogProject P;
  P.file("a.cpp", "#include \"task.h\"\n#include \"log.h\"\n");
  auto Git = [&](std::vector<std::string> Args) {
    Args.insert(Args.begin(), {"-c", "user.email=t@example.invalid", "-c",
                               "user.name=t"});
    ProcessResult R = run("git", Args, P.Dir.path());
    EXPECT_EQ(R.ExitCode, 0) << R.Err;
  };
  Git({"init", "-q", "-b", "main"});
  Git({"add", "."});
  Git({"commit", "-q", "-m", "init"});
  std::string A = P.file("a.cpp", loggingCoroutines("a", 3));
  // --diff: the shared step did not change; the three sites did.
  ProcessResult Diff = run(coroTidy(), blockingCall({"--diff", A}), P.Dir.path());
  ASSERT_EQ(Diff.ExitCode, 0) << Diff.Out << Diff.Err;
  EXPECT_EQ(warnings(Diff).size(), 3u) << Diff.Out;
  // --fix: the chains would be printed from files already fixed.
  ProcessResult Fix = run(coroTidy(), blockingCall({"--fix", A}), P.Dir.path());
  ASSERT_EQ(Fix.ExitCode, 0) << Fix.Out << Fix.Err;
  EXPECT_EQ(warnings(Fix).size(), 3u) << Fix.Out;
  // And without either, the same sites are one finding.
  EXPECT_EQ(warnings(run(coroTidy(), blockingCall({A}), P.Dir.path())).size(), 1u);
}

TEST(SharedChains, DirectCallsAreNeverGrouped) {
  TaskProject P;
  std::string Text = "#include \"task.h\"\n#include <unistd.h>\n";
  for (int I = 0; I < 4; ++I)
    Text += "Task<> c" + std::to_string(I) + "() { ::fsync(1); co_return; }\n";
  std::string A = P.file("a.cpp", Text);
  ProcessResult R = run(coroTidy(), blockingCall({A}), P.Dir.path());
  EXPECT_EQ(warnings(R).size(), 4u) << R.Out;
}

TEST(SharedChains, AGroupIsOneWarningAsError) {
  LogProject P;
  std::string A = P.file("a.cpp", loggingCoroutines("a", 4));
  ProcessResult R = run(coroTidy(), blockingCall({"--warnings-as-errors=*", A}), P.Dir.path());
  EXPECT_EQ(R.ExitCode, 1) << R.Out << R.Err;
  std::vector<Diagnostic> Found = warnings(R);
  ASSERT_EQ(Found.size(), 1u) << R.Out;
  EXPECT_EQ(Found[0].Level, "error");
  EXPECT_NE(R.Err.find("1 warning treated as error"), std::string::npos)
      << R.Err;
}

TEST(SharedChains, LoopEntryChainsAreGroupedToo) {
  TaskProject P;
  std::string Text = R"cpp(#include "task.h"
void run_loop();
inline void drain() { run_loop(); }
)cpp";
  for (int I = 0; I < 3; ++I)
    Text += "Task<> c" + std::to_string(I) + "() { drain(); co_return; }\n";
  std::string A = P.file("a.cpp", Text);
  ProcessResult R = run(
      coroTidy(),
      {"--checks=-*,coro-nested-loop-run", "--quiet",
       "--config={CheckOptions: {coro-nested-loop-run.ExtraEntryPoints: "
       "run_loop}}",
       A},
      P.Dir.path());
  ASSERT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  std::vector<Diagnostic> Found = warnings(R);
  ASSERT_EQ(Found.size(), 1u) << R.Out;
  EXPECT_EQ(Found[0].Line, 3u);
  EXPECT_NE(Found[0].Message.find("; reached from coroutines at 3 call sites"),
            std::string::npos)
      << Found[0].Message;
}

TEST(SharedChains, JsonAndSarifCarryTheSitesAsNotes) {
  LogProject P;
  std::string A = P.file("a.cpp", loggingCoroutines("a", 3));
  ProcessResult J = run(coroTidy(), blockingCall({"--format=json", A}), P.Dir.path());
  ASSERT_EQ(J.ExitCode, 0) << J.Err;
  auto Parsed = llvm::json::parse(J.Out);
  ASSERT_TRUE(bool(Parsed)) << J.Out;
  const llvm::json::Array *Findings =
      Parsed->getAsObject()->getArray("findings");
  ASSERT_TRUE(Findings);
  ASSERT_EQ(Findings->size(), 1u) << J.Out;
  const llvm::json::Object *Group = (*Findings)[0].getAsObject();
  EXPECT_EQ(Group->getInteger("line"), 3);
  const llvm::json::Array *Notes = Group->getArray("notes");
  ASSERT_TRUE(Notes);
  EXPECT_EQ(Notes->size(), 4u); // Three sites and the first one's step.

  ProcessResult S = run(coroTidy(), blockingCall({"--format=sarif", A}), P.Dir.path());
  ASSERT_EQ(S.ExitCode, 0) << S.Err;
  auto Sarif = llvm::json::parse(S.Out);
  ASSERT_TRUE(bool(Sarif)) << S.Out;
  const llvm::json::Object *Run =
      (*Sarif->getAsObject()->getArray("runs"))[0].getAsObject();
  const llvm::json::Array *Results = Run->getArray("results");
  ASSERT_TRUE(Results);
  ASSERT_EQ(Results->size(), 1u);
  const llvm::json::Array *Related =
      (*Results)[0].getAsObject()->getArray("relatedLocations");
  ASSERT_TRUE(Related);
  EXPECT_EQ(Related->size(), 4u);
}

TEST(SharedChains, AFingerprintIgnoresTheNumberOfSites) {
  LogProject P; // One folder: the path is part of a fingerprint.
  auto Fingerprint = [&](unsigned Sites) {
    std::string A = P.file("a.cpp", loggingCoroutines("a", Sites));
    ProcessResult S = run(coroTidy(), blockingCall({"--format=sarif", A}), P.Dir.path());
    auto Sarif = llvm::json::parse(S.Out);
    if (!Sarif)
      return std::string("unparsed: ") + llvm::toString(Sarif.takeError());
    const llvm::json::Object *Run =
        (*Sarif->getAsObject()->getArray("runs"))[0].getAsObject();
    const llvm::json::Object *Result =
        (*Run->getArray("results"))[0].getAsObject();
    const llvm::json::Object *Prints = Result->getObject("partialFingerprints");
    std::optional<llvm::StringRef> Print =
        Prints ? Prints->getString("coroTidyFinding/v1") : std::nullopt;
    return Print ? Print->str() : std::string("no fingerprint");
  };
  std::string Three = Fingerprint(3);
  EXPECT_EQ(Three.find("no fingerprint"), std::string::npos) << Three;
  EXPECT_EQ(Three, Fingerprint(4));
}

} // namespace
