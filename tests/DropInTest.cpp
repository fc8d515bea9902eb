//===--- DropInTest.cpp - coro-tidy where clang-tidy's tools expect clang-tidy
//
// run-clang-tidy and clang-tidy-diff drive it; every option of clang-tidy 19
// that scripts forward is accepted with clang-tidy's meaning; a .clang-tidy
// shared with clang-tidy (or written for a newer one) keeps working.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"

using namespace coro_tidy::test;
using coro_tidy::test::TaskHeader;

namespace {

const char *const Forgotten = ForgottenAwait;

struct Project : TaskProject {
  /// build/compile_commands.json with one entry per file.
  std::string database(const std::vector<std::string> &Files) {
    std::string Entries;
    for (const std::string &F : Files)
      Entries += std::string(Entries.empty() ? "" : ",") +
                 "{\"directory\": \"" + Dir.path() + "\", \"arguments\": "
                 "[\"clang++\", \"-std=c++20\", \"-c\", \"" + F + "\"], "
                 "\"file\": \"" + F + "\"}";
    Dir.write("build/compile_commands.json", "[" + Entries + "]");
    return Dir.path() + "/build";
  }
};

size_t count(const std::string &Text, const std::string &Needle) {
  size_t N = 0;
  for (size_t At = Text.find(Needle); At != std::string::npos;
       At = Text.find(Needle, At + 1))
    ++N;
  return N;
}

bool found(const std::string &Text, const std::string &Needle) {
  return Text.find(Needle) != std::string::npos;
}

// --- clang-tidy's scripts.

TEST(DropIn, RunClangTidyDrivesIt) {
  if (!haveProgram("run-clang-tidy-19"))
    GTEST_SKIP() << "run-clang-tidy-19 is not installed";
  Project P;
  P.file("a.cpp", Forgotten);
  P.file("b.cpp", Forgotten);
  std::string Build = P.database({"a.cpp", "b.cpp"});
  ProcessResult R = run("run-clang-tidy-19",
                        {"-clang-tidy-binary", coroTidy(), "-p", Build});
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  EXPECT_EQ(count(R.Out, "[coro-missing-co-await]"), 2u) << R.Out << R.Err;
}

TEST(DropIn, ListChecksIgnoresFileArguments) {
  // run-clang-tidy's probe: `-p=build "" -list-checks -`.
  ProcessResult R = run(coroTidy(), {"-p=.", "", "-list-checks", "-"});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(found(R.Out, "coro-missing-co-await")) << R.Out;
}

TEST(DropIn, ClangTidyDiffDrivesIt) {
  if (!haveProgram("clang-tidy-diff-19.py") || !haveProgram("git"))
    GTEST_SKIP() << "clang-tidy-diff-19.py or git is not installed";
  Project P;
  P.file("a.cpp", "#include \"task.h\"\nTask<int> fetch_data();\n"
                  "Task<> old() { fetch_data(); co_return; }\n");
  P.database({"a.cpp"});
  std::string Git = "git -C '" + P.Dir.path() + "' ";
  ASSERT_EQ(run("/bin/sh", {"-c", Git + "init -q && " + Git + "add -A && " +
                                      Git + "-c user.email=t@t -c user.name=t "
                                            "commit -qm init"})
                .ExitCode,
            0);
  P.file("a.cpp", "#include \"task.h\"\nTask<int> fetch_data();\n"
                  "Task<> old() { fetch_data(); co_return; }\n"
                  "Task<> added() { fetch_data(); co_return; }\n");
  ProcessResult R = run(
      "/bin/sh", {"-c", Git + "diff -U0 | clang-tidy-diff-19.py -clang-tidy-binary '" +
                            coroTidy() + "' -p1 -path build"},
      P.Dir.path());
  EXPECT_TRUE(found(R.Out, "a.cpp:4:")) << R.Out << R.Err;
  EXPECT_FALSE(found(R.Out, "a.cpp:3:")) << R.Out;
}

// --- clang-tidy 19's options, with clang-tidy's meaning.

TEST(DropIn, AllowNoChecks) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  EXPECT_EQ(run(coroTidy(), {"--checks=-*", F}).ExitCode, 2);
  ProcessResult R = run(coroTidy(), {"--checks=-*", "--allow-no-checks", F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
}

TEST(DropIn, ExcludeHeaderFilter) {
  Project P;
  P.file("inc/bad.h", "#pragma once\n#include \"../task.h\"\nTask<int> f();\n"
                      "inline Task<> g() { f(); co_return; }\n");
  std::string F = P.file("a.cpp", "#include \"inc/bad.h\"\n");
  ProcessResult All = run(coroTidy(), {"--header-filter=.*", F});
  EXPECT_TRUE(found(All.Out, "bad.h:4:")) << All.Out;
  ProcessResult Excluded =
      run(coroTidy(), {"--header-filter=.*", "--exclude-header-filter=inc/", F});
  EXPECT_FALSE(found(Excluded.Out, "bad.h:4:")) << Excluded.Out;
}

TEST(DropIn, CheckProfile) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  ProcessResult R = run(coroTidy(), {"--enable-check-profile", F});
  EXPECT_TRUE(found(R.Err, "checks profiling")) << R.Err;
  EXPECT_TRUE(found(R.Err, "coro-missing-co-await")) << R.Err;
  TempDir Store;
  R = run(coroTidy(), {"--enable-check-profile",
                       "--store-check-profile=" + Store.path() + "/", F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  std::error_code EC;
  llvm::sys::fs::directory_iterator It(Store.path(), EC);
  ASSERT_FALSE(EC);
  ASSERT_NE(It, llvm::sys::fs::directory_iterator());
  EXPECT_TRUE(llvm::StringRef(It->path()).ends_with("a.cpp.json")) << It->path();
}

TEST(DropIn, VerifyConfig) {
  ProcessResult Good = run(coroTidy(), {"--verify-config",
      "--config={Checks: '-*,coro-*', CheckOptions: "
      "{coro-blocking-call.MaxCallDepth: 2}}"});
  EXPECT_EQ(Good.ExitCode, 0) << Good.Err;
  EXPECT_TRUE(found(Good.Out, "No config errors detected.")) << Good.Out;
  ProcessResult Bad = run(coroTidy(), {"--verify-config",
      "--config={Checks: 'coro-*,bogus-*', CheckOptions: "
      "{coro-blocking-call.NoSuchOption: 2}}"});
  EXPECT_EQ(Bad.ExitCode, 1);
  EXPECT_TRUE(found(Bad.Out, "unknown check 'bogus-*'")) << Bad.Out;
  EXPECT_TRUE(found(Bad.Out, "'coro-blocking-call.NoSuchOption'")) << Bad.Out;
}

TEST(DropIn, ExplainConfig) {
  ProcessResult R =
      run(coroTidy(), {"--explain-config", "--checks=-*,coro-blocking-call"});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(found(R.Out, "'coro-blocking-call' is enabled in the "
                           "command-line option '-checks'."))
      << R.Out;
}

TEST(DropIn, VfsOverlay) {
  Project P;
  // task.h exists only in the overlay, under another name.
  std::string Real = P.file("real/task_impl.h", TaskHeader);
  std::string Overlay = P.file(
      "overlay.yaml",
      "{version: 0, roots: [{name: '" + P.Dir.path() + "/virtual', type: "
      "directory, contents: [{name: 'task.h', type: file, external-contents: '" +
          Real + "'}]}]}");
  std::string F = P.file("a.cpp", std::string(Forgotten).replace(
                                      0, 17, "#include \"virtual/task.h\""));
  ProcessResult Without = run(coroTidy(), {F});
  EXPECT_EQ(Without.ExitCode, 1); // virtual/task.h not found
  ProcessResult With = run(coroTidy(), {"--vfsoverlay=" + Overlay, F});
  EXPECT_EQ(With.ExitCode, 0) << With.Out << With.Err;
  EXPECT_TRUE(found(With.Out, "never awaited")) << With.Out;
  P.file("bad.yaml", "{version: 7}");
  EXPECT_EQ(run(coroTidy(), {"--vfsoverlay=" + P.Dir.path() + "/bad.yaml", F})
                .ExitCode,
            2);
}

TEST(DropIn, LoadPlugin) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  ProcessResult Missing = run(coroTidy(), {"--load=/nonexistent/plugin.so", F});
  EXPECT_EQ(Missing.ExitCode, 2);
  EXPECT_TRUE(found(Missing.Err, "cannot load plugin")) << Missing.Err;
  // A real clang-tidy plugin module (ours) loads into the binary.
  ProcessResult Loaded = run(coroTidy(), {"--load=" + plugin(), F});
  EXPECT_EQ(Loaded.ExitCode, 0) << Loaded.Err;
  EXPECT_TRUE(found(Loaded.Out, "never awaited")) << Loaded.Out;
}

TEST(DropIn, FormatStyleAndModuleHeadersParsingAreAccepted) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  ProcessResult R = run(coroTidy(), {"--format-style=llvm",
                                     "--enable-module-headers-parsing", "--fix", F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(found(readFile(F), "co_await fetch_data();"));
}

// --- Fixes.

TEST(DropIn, FixNotesImpliesFix) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  ProcessResult R = run(coroTidy(), {"--fix-notes", F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(found(readFile(F), "co_await fetch_data();")) << readFile(F);
}

TEST(DropIn, AppliedFixesAreCoroTidys) {
  Project P;
  std::string F = P.file("a.cpp", std::string("int broken = ;\n") + Forgotten);
  ProcessResult R = run(coroTidy(), {"--fix-errors", F});
  EXPECT_TRUE(found(R.Err, "coro-tidy applied 1 of 1 suggested fixes")) << R.Err;
  EXPECT_FALSE(found(R.Err, "clang-tidy applied")) << R.Err;
}

TEST(DropIn, ExportFixesMainSourceFileIsAbsolute) {
  Project P;
  P.file("a.cpp", Forgotten);
  std::string Fixes = P.Dir.path() + "/fixes.yaml";
  ProcessResult R =
      run(coroTidy(), {"--export-fixes=" + Fixes, "a.cpp"}, P.Dir.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(found(readFile(Fixes), "MainSourceFile:  '" + P.Dir.path() +
                                         "/a.cpp'"))
      << readFile(Fixes);
}

// --- Configurations written for clang-tidy.

TEST(DropIn, UnknownKeyFromANewerClangTidyWarns) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  P.file(".clang-tidy", "Checks: 'coro-*'\nRemovedArgs: ['-Werror']\n"
                        "SystemHeaders: maybe\n");
  ProcessResult R = run(coroTidy(), {F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(found(R.Out, "never awaited")) << R.Out;
  EXPECT_EQ(count(R.Err, "unknown key 'RemovedArgs'"), 1u) << R.Err;
  EXPECT_EQ(count(R.Err, "invalid boolean"), 1u) << R.Err;
  // Broken YAML stays an error.
  P.file(".clang-tidy", "Checks: [unterminated\n");
  EXPECT_EQ(run(coroTidy(), {F}).ExitCode, 2);
}

TEST(DropIn, BadCheckOptionValueWarns) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  P.file(".clang-tidy", "CheckOptions:\n  coro-blocking-call.MaxCallDepth: many\n");
  ProcessResult R = run(coroTidy(), {F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(found(R.Out, "invalid configuration value 'many'") ||
              found(R.Err, "invalid configuration value 'many'"))
      << R.Out << R.Err;
  EXPECT_TRUE(found(R.Out, "never awaited")) << R.Out;
}

TEST(DropIn, SharedConfigurationKeepsTheCoroChecksOn) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  P.file(".clang-tidy", "Checks: '-*,bugprone-*'\n");
  ProcessResult Shared = run(coroTidy(), {F});
  EXPECT_EQ(Shared.ExitCode, 0) << Shared.Err;
  EXPECT_TRUE(found(Shared.Out, "never awaited")) << Shared.Out;
  // A configuration that names them is obeyed.
  P.file(".clang-tidy", "Checks: '-*,bugprone-*,-coro-*'\n");
  EXPECT_EQ(run(coroTidy(), {F}).ExitCode, 2); // no checks enabled
  P.file(".clang-tidy", "Checks: '-*,coro-blocking-call'\n");
  ProcessResult Named = run(coroTidy(), {"--list-checks", F});
  EXPECT_TRUE(found(Named.Out, "coro-blocking-call")) << Named.Out;
  EXPECT_FALSE(found(Named.Out, "coro-missing-co-await")) << Named.Out;
}

TEST(DropIn, StarMeansTheChecksListChecksShows) {
  ProcessResult Star = run(coroTidy(), {"--checks=*", "--list-checks"});
  EXPECT_EQ(count(Star.Out, "\n    "), 6u) << Star.Out;
  EXPECT_FALSE(found(Star.Out, "clang-analyzer")) << Star.Out;
  // Named, the static analyzer runs.
  ProcessResult Named =
      run(coroTidy(), {"--checks=-*,clang-analyzer-core.DivideZero", "--list-checks"});
  EXPECT_TRUE(found(Named.Out, "clang-analyzer-core.DivideZero")) << Named.Out;
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  P.file(".clang-tidy", "Checks: '*'\n");
  ProcessResult Config = run(coroTidy(), {"--list-checks", F});
  EXPECT_FALSE(found(Config.Out, "clang-analyzer")) << Config.Out;
}

} // namespace
