//===--- CrossFileTest.cpp - chains across units, end to end --------------===//
//
// testdata/projects/cross-file, copied to a temporary folder with a
// compilation database: what the whole-project run reports (every
// `// FINDING:` marker of src/routes.cpp and nothing else, notes in the
// files where the steps are), and that -j, the cache, one-file runs with
// the project index, the plugin's ProjectIndex option, shards and their
// merge, and a stale or corrupt index all agree with it.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <set>

using namespace coro_tidy::test;

namespace {

const std::string ProjectDir = "testdata/projects/cross-file";

/// "<file>:<line> <check>" of every warning, the project folder removed
/// (clang-tidy prints paths relative to the compile command's folder,
/// src/).
std::multiset<std::string> warnings(const std::string &Output,
                                    const std::string &Root) {
  std::multiset<std::string> Out;
  for (const Diagnostic &D : parseDiagnostics(Output)) {
    if (D.Level != "warning")
      continue;
    std::string File = D.File;
    if (!llvm::sys::path::is_absolute(File)) {
      llvm::SmallString<256> Abs(Root + "/src/" + File);
      llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      File = std::string(Abs);
    }
    if (llvm::StringRef(File).starts_with(Root + "/"))
      File = File.substr(Root.size() + 1);
    size_t Open = D.Message.rfind(" [");
    std::string Check = Open == std::string::npos
                            ? ""
                            : D.Message.substr(Open + 2, D.Message.size() -
                                                             Open - 3);
    Out.insert(File + ":" + std::to_string(D.Line) + " " + Check);
  }
  return Out;
}

/// The `// FINDING: <check>` markers of src/routes.cpp.
std::multiset<std::string> expected() {
  std::multiset<std::string> Out;
  std::string Text = readFile(sourceDir() + "/" + ProjectDir + "/src/routes.cpp");
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  llvm::StringRef(Text).split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    size_t At = Lines[I].find("// FINDING: ");
    if (At != llvm::StringRef::npos)
      Out.insert("src/routes.cpp:" + std::to_string(I + 1) + " " +
                 Lines[I].substr(At + 12).trim().str());
  }
  return Out;
}

std::string join(const std::multiset<std::string> &Items) {
  std::string Out;
  for (const std::string &I : Items)
    Out += I + "\n";
  return Out;
}

TEST(CrossFile, WholeProjectRunReportsEveryMarkedChainAndNothingElse) {
  CrossFileProject P;
  ProcessResult R = P.tidy({"-j2"});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(join(warnings(R.Out, P.Dir.path())), join(expected())) << R.Out;
  ASSERT_FALSE(expected().empty());
}

TEST(CrossFile, EachNoteIsInTheFileOfItsStep) {
  CrossFileProject P;
  ProcessResult R = P.tidy({"-j1"});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  const std::string &Out = R.Out;
  // A helper in another file.
  EXPECT_NE(Out.find(P.path("src/store.cpp") +
                     ":13:10: note: 'load_profile' calls 'recv', which can block"),
            std::string::npos)
      << Out;
  // Two hops over three files.
  EXPECT_NE(Out.find(P.path("src/db.cpp") + ":7:10: note: 'query' calls 'read_all'"),
            std::string::npos);
  EXPECT_NE(Out.find(P.path("src/net.cpp") +
                     ":8:14: note: 'read_all' calls 'read', which can block"),
            std::string::npos);
  // A template in a header whose helper is in another unit, and one
  // explicitly instantiated in another unit.
  EXPECT_NE(Out.find(P.path("include/store.h") +
                     ":31:3: note: 'traced' calls 'log_line'"),
            std::string::npos);
  EXPECT_NE(Out.find(P.path("src/tmpl.cpp") +
                     ":5:3: note: 'convert' calls 'usleep', which can block"),
            std::string::npos);
  // A virtual method: every override is named where it is.
  EXPECT_NE(Out.find(P.path("src/disk.cpp") +
                     ":6:7: note: 'Disk::fetch' overrides 'Storage::fetch' and "
                     "can block (every override in the project can)"),
            std::string::npos);
  EXPECT_NE(Out.find(P.path("src/remote.cpp") +
                     ":5:7: note: 'Remote::fetch' overrides 'Storage::fetch'"),
            std::string::npos);
  // The loop run.
  EXPECT_NE(Out.find(P.path("src/loop.cpp") +
                     ":6:27: note: 'compute_blocking' calls 'corio::run', "
                     "an event loop entry point"),
            std::string::npos);
}

TEST(CrossFile, VirtualCallsAnyReportsWhenOneOverrideBlocks) {
  CrossFileProject P;
  ProcessResult R =
      P.tidy({"--config={CheckOptions: {coro-blocking-call.VirtualCalls: any}}"});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  std::multiset<std::string> Expected = expected();
  Expected.insert("src/routes.cpp:26 coro-blocking-call");
  EXPECT_EQ(join(warnings(R.Out, P.Dir.path())), join(Expected));
  EXPECT_NE(R.Out.find("'RemoteBackend::get' overrides 'Backend::get' and can block"),
            std::string::npos);
  EXPECT_EQ(R.Out.find("'Memory::get' overrides"), std::string::npos);
}

TEST(CrossFile, OutputIsTheSameForEveryParallelismAndFromTheCache) {
  CrossFileProject P;
  ProcessResult One = P.tidy({"-j1", "--no-cache"});
  ProcessResult Two = P.tidy({"-j2"});
  ProcessResult Warm = P.tidy({"-j2"});
  ASSERT_EQ(One.ExitCode, 0) << One.Err;
  EXPECT_EQ(One.Out, Two.Out);
  EXPECT_EQ(One.Out, Warm.Out);
}

TEST(CrossFile, OneFileRunWithACompleteIndexEqualsTheWholeRun) {
  CrossFileProject P;
  ProcessResult Whole = P.tidy({});
  ASSERT_EQ(Whole.ExitCode, 0) << Whole.Err;
  ProcessResult One = P.tidy({P.path("src/routes.cpp")});
  ASSERT_EQ(One.ExitCode, 0) << One.Err;
  EXPECT_EQ(One.Out, Whole.Out);
}

TEST(CrossFile, WithoutAnIndexAOneFileRunSeesOnlyItsUnit) {
  CrossFileProject P;
  ProcessResult One = P.tidy({P.path("src/routes.cpp")});
  ASSERT_EQ(One.ExitCode, 0) << One.Err;
  // traced<int> is in routes.cpp's unit, log_line is not: nothing.
  EXPECT_EQ(warnings(One.Out, P.Dir.path()).size(), 0u) << One.Out;
}

TEST(CrossFile, AStaleChainDisappearsAfterTheNextRunOverTheDatabase) {
  CrossFileProject P;
  ASSERT_EQ(P.tidy({}).ExitCode, 0);
  P.Dir.write("src/store.cpp", "#include \"store.h\"\n"
                               "namespace store {\n"
                               "Profile load_profile(int user) { return {user}; }\n"
                               "int cached_count(int user) { return user; }\n"
                               "}\n");
  // The index still says load_profile blocks: a one-file run of routes.cpp
  // trusts it (docs/project-analysis.md says how stale it may be).
  ProcessResult Stale = P.tidy({P.path("src/routes.cpp")});
  EXPECT_EQ(warnings(Stale.Out, P.Dir.path()).count("src/routes.cpp:10 coro-blocking-call"),
            1u);
  ProcessResult Fresh = P.tidy({});
  std::multiset<std::string> Expected = expected();
  Expected.erase(Expected.find("src/routes.cpp:10 coro-blocking-call"));
  EXPECT_EQ(join(warnings(Fresh.Out, P.Dir.path())), join(Expected));
  ProcessResult After = P.tidy({P.path("src/routes.cpp")});
  EXPECT_EQ(warnings(After.Out, P.Dir.path()).count("src/routes.cpp:10 coro-blocking-call"),
            0u);
}

TEST(CrossFile, ShardedRunsPlusMergeEqualOneRun) {
  CrossFileProject P;
  for (const char *Format : {"text", "sarif", "json"}) {
    SCOPED_TRACE(Format);
    std::string F = std::string("--format=") + Format;
    ProcessResult Whole = P.tidy({F, "--no-cache"});
    ASSERT_EQ(Whole.ExitCode, 0) << Whole.Err;
    std::vector<std::string> Bundles;
    for (int K = 1; K <= 3; ++K) {
      std::string Bundle = P.path("shard" + std::to_string(K) + ".json");
      ProcessResult Shard =
          P.tidy({F, "--no-cache", "--shard=" + std::to_string(K) + "/3",
                  "--facts-out=" + Bundle});
      ASSERT_EQ(Shard.ExitCode, 0) << Shard.Err;
      Bundles.push_back(Bundle);
    }
    // Bundles in any order.
    std::vector<std::string> Args{"merge", F, "--quiet", Bundles[2],
                                  Bundles[0], Bundles[1]};
    ProcessResult Merged = run(coroTidy(), Args, P.Dir.path());
    ASSERT_EQ(Merged.ExitCode, 0) << Merged.Err;
    EXPECT_EQ(Merged.Out, Whole.Out);
  }
}

TEST(CrossFile, ShardsPartitionTheUnits) {
  CrossFileProject P;
  std::multiset<std::string> Units;
  for (int K = 1; K <= 4; ++K) {
    std::string Bundle = P.path("part" + std::to_string(K) + ".json");
    ProcessResult Shard = P.tidy({"--no-cache", "--shard=" + std::to_string(K) + "/4",
                                  "--facts-out=" + Bundle});
    ASSERT_EQ(Shard.ExitCode, 0) << Shard.Err;
    auto Parsed = llvm::json::parse(readFile(Bundle));
    ASSERT_TRUE(bool(Parsed));
    const llvm::json::Array *Entries = Parsed->getAsObject()->getArray("units");
    ASSERT_TRUE(Entries);
    EXPECT_FALSE(Entries->empty()) << K;
    for (const llvm::json::Value &E : *Entries)
      Units.insert(E.getAsObject()->getString("file")->str());
  }
  // Every unit exactly once.
  EXPECT_EQ(Units.size(), 14u);
  EXPECT_EQ(std::set<std::string>(Units.begin(), Units.end()).size(), 14u);
  for (const char *Bad : {"0/3", "4/3", "x", "1/0", "2"}) {
    ProcessResult R = P.tidy({std::string("--shard=") + Bad});
    EXPECT_EQ(R.ExitCode, 2) << Bad;
    EXPECT_NE(R.Err.find("--shard="), std::string::npos) << R.Err;
  }
}

TEST(CrossFile, CorruptOrForeignIndexIsIgnoredWithOneLineWarning) {
  for (const char *Content :
       {"{not json", "{\"coroTidyIndex\": 999, \"units\": []}", "[1, 2, 3]",
        "{\"coroTidyIndex\": 1, \"units\": [{\"version\": 1}]}"}) {
    SCOPED_TRACE(Content);
    CrossFileProject P;
    P.Dir.write("build/.coro-tidy-cache/project-index.json", Content);
    ProcessResult R = P.tidy({P.path("src/routes.cpp")});
    EXPECT_EQ(R.ExitCode, 0) << R.Err;
    EXPECT_NE(R.Err.find("project index"), std::string::npos) << R.Err;
    EXPECT_NE(R.Err.find("ignored"), std::string::npos) << R.Err;
    EXPECT_EQ(std::count(R.Err.begin(), R.Err.end(), '\n'), 1) << R.Err;
    EXPECT_EQ(R.Err.find("Stack dump"), std::string::npos);
    // The whole run rewrites it; the next one-file run uses it.
    ASSERT_EQ(P.tidy({}).ExitCode, 0);
    ProcessResult After = P.tidy({P.path("src/routes.cpp")});
    EXPECT_EQ(After.Err, "");
    EXPECT_EQ(join(warnings(After.Out, P.Dir.path())), join(expected()));
  }
}

TEST(CrossFile, MergeRejectsWhatIsNotABundle) {
  CrossFileProject P;
  std::string Bad = P.Dir.write("bad.json", "{\"coroTidyFactsBundle\": 7}");
  ProcessResult R = run(coroTidy(), {"merge", Bad}, P.Dir.path());
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("facts bundle"), std::string::npos) << R.Err;
  ProcessResult None = run(coroTidy(), {"merge"}, P.Dir.path());
  EXPECT_EQ(None.ExitCode, 2);
}

TEST(CrossFile, PluginWithTheProjectIndexReportsTheSameChains) {
  if (clangTidy().empty())
    GTEST_SKIP() << "clang-tidy-19 is not installed";
  CrossFileProject P;
  ASSERT_EQ(P.tidy({}).ExitCode, 0);
  std::string Index = P.path("build/.coro-tidy-cache/project-index.json");
  std::string Config = "{CheckOptions: {coro-blocking-call.ProjectIndex: '" +
                       Index + "', coro-nested-loop-run.ProjectIndex: '" +
                       Index + "'}}";
  ProcessResult Plugin =
      run(clangTidy(),
          {"--load=" + plugin(), "--checks=-*,coro-*", "--config=" + Config,
           "-p", P.path("build"), "--quiet", P.path("src/routes.cpp")},
          P.Dir.path());
  ASSERT_EQ(Plugin.ExitCode, 0) << Plugin.Err;
  EXPECT_EQ(join(warnings(Plugin.Out, P.Dir.path())), join(expected()))
      << Plugin.Out;
  // A missing index is a configuration warning, not a crash.
  ProcessResult Missing =
      run(clangTidy(),
          {"--load=" + plugin(), "--checks=-*,coro-*",
           "--config={CheckOptions: {coro-blocking-call.ProjectIndex: /nonexistent}}",
           "-p", P.path("build"), P.path("src/routes.cpp")},
          P.Dir.path());
  EXPECT_EQ(Missing.ExitCode, 0) << Missing.Err;
  EXPECT_NE((Missing.Out + Missing.Err).find("project index"), std::string::npos);
}

TEST(CrossFile, NoProjectAnalysisReportsInFileChainsOnly) {
  CrossFileProject P;
  ProcessResult R = P.tidy({"--project-analysis=false"});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(warnings(R.Out, P.Dir.path()).size(), 0u) << R.Out;
}

} // namespace
