//===--- HostileInputTest.cpp - bad input never hangs, crashes or passes --===//
//
// One regression test per defect that fuzzing and fault injection found in
// the driver (docs/reliability.md): non-regular files, unreadable files,
// malformed databases and configurations, failed writes, stale cache
// entries, leftovers of killed runs. Every error is one line and exit 2.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"
#include <sys/stat.h>
#include <unistd.h>

using namespace coro_tidy::test;
using coro_tidy::test::TaskHeader;

namespace {

const char *const Forgotten = ForgottenAwait;

struct Project : TaskProject {
  std::string database(const std::string &Entries) {
    return Dir.write("build/compile_commands.json", Entries);
  }
  std::string entry(const std::string &File) const {
    return "{\"directory\": \"" + Dir.path() + "\", \"arguments\": "
           "[\"clang++\", \"-std=c++20\", \"-c\", \"" + File + "\"], "
           "\"file\": \"" + File + "\"}";
  }
};

/// One line on stderr, exit \p Code, the \p Needle in it, no crash report.
void expectOneLineError(const ProcessResult &R, int Code, const char *Needle) {
  EXPECT_EQ(R.ExitCode, Code) << R.Out << R.Err;
  EXPECT_NE(R.Err.find(Needle), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find("Stack dump"), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find("LLVM ERROR"), std::string::npos) << R.Err;
  EXPECT_EQ(std::count(R.Err.begin(), R.Err.end(), '\n'), 1) << R.Err;
}

std::string fifo(const Project &P, const std::string &Name) {
  std::string Path = P.path(Name);
  EXPECT_EQ(mkfifo(Path.c_str(), 0600), 0);
  return Path;
}

// --- Files that are not regular files: refused before anything blocks.

TEST(HostileInput, FifoAsSourceFile) {
  Project P;
  expectOneLineError(run(coroTidy(), {fifo(P, "a.cpp")}), 2,
                     "not a regular file");
}

TEST(HostileInput, DeviceAsSourceFile) {
  expectOneLineError(run(coroTidy(), {"/dev/zero"}), 2, "not a regular file");
  expectOneLineError(run(coroTidy(), {"/dev/null"}), 2, "not a regular file");
}

TEST(HostileInput, FifoAsConfigFile) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  expectOneLineError(
      run(coroTidy(), {"--config-file=" + fifo(P, "cfg.yaml"), F}), 2,
      "not a regular file");
}

TEST(HostileInput, FifoAsClangTidyFile) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  fifo(P, ".clang-tidy");
  expectOneLineError(run(coroTidy(), {F}), 2, "not a regular file");
}

TEST(HostileInput, FifoAsCompilationDatabase) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  llvm::sys::fs::create_directories(P.path("build"));
  fifo(P, "build/compile_commands.json");
  expectOneLineError(run(coroTidy(), {"-p", P.path("build"), F}), 2,
                     "not a regular file");
  // Found above the source file too.
  expectOneLineError(run(coroTidy(), {P.file("build/b.cpp", Forgotten)}), 2,
                     "not a regular file");
}

// --- Unreadable input is an error, not a clean file.

TEST(HostileInput, UnreadableSourceIsAnError) {
  Project P;
  std::string Link = P.path("mem.cpp");
  ASSERT_EQ(symlink("/proc/self/mem", Link.c_str()), 0);
  expectOneLineError(run(coroTidy(), {Link}), 2, "cannot read");
}

TEST(HostileInput, UnreadableConfigFileIsAnError) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  expectOneLineError(run(coroTidy(), {"--config-file=/proc/self/mem", F}), 2,
                     "cannot read --config-file");
}

// --- Configuration: nesting, size, several documents.

TEST(HostileInput, DeeplyNestedClangTidyFile) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  P.file(".clang-tidy", "Checks: " + std::string(100000, '['));
  expectOneLineError(run(coroTidy(), {F}), 2, "nested deeper than");
  P.file(".clang-tidy", "CheckOptions:\n  x: " + [] {
    std::string Deep;
    for (int I = 0; I < 100000; ++I)
      Deep += "- ";
    return Deep;
  }());
  expectOneLineError(run(coroTidy(), {F}), 2, "nested deeper than");
}

TEST(HostileInput, ConfigNestedModeratelyStillWorks) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  P.file(".clang-tidy", "Checks: '-*,coro-*'\nCheckOptions:\n"
                        "  coro-missing-co-await.IgnoredFunctions: 'a;b'\n");
  ProcessResult R = run(coroTidy(), {F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Out.find("never awaited"), std::string::npos) << R.Out;
}

TEST(HostileInput, HugeConfigIsRefusedAtOnce) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  std::string Big = "Checks: 'coro-*'\nCheckOptions:\n";
  for (int I = 0; Big.size() < (30u << 20); ++I)
    Big += "  coro-x.Option" + std::to_string(I) + ": 'value'\n";
  std::string Cfg = P.file("big.yaml", Big);
  expectOneLineError(run(coroTidy(), {"--config-file=" + Cfg, F}), 2,
                     "too large");
}

TEST(HostileInput, SecondYamlDocumentIsNotIgnoredSilently) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  P.file(".clang-tidy", "Checks: 'coro-*'\n---\nChecks: '-*'\n");
  expectOneLineError(run(coroTidy(), {F}), 2, "more than one YAML document");
}

// --- Malformed compilation databases: one line naming the entry.

TEST(HostileInput, TruncatedDatabase) {
  Project P;
  P.file("a.cpp", Forgotten);
  std::string Whole = "[" + P.entry("a.cpp") + "]";
  P.database(Whole.substr(0, Whole.size() - 3));
  expectOneLineError(run(coroTidy(), {"-p", P.path("build")}), 2,
                     "malformed compilation database");
}

TEST(HostileInput, DatabaseWithTrailingGarbage) {
  Project P;
  P.file("a.cpp", Forgotten);
  P.database("[" + P.entry("a.cpp") + "] trailing");
  expectOneLineError(run(coroTidy(), {"-p", P.path("build")}), 2,
                     "Text after end of document");
}

TEST(HostileInput, NumberInArguments) {
  Project P;
  P.file("a.cpp", Forgotten);
  P.database("[{\"directory\": \"" + P.Dir.path() +
             "\", \"arguments\": [\"clang++\", 5, \"a.cpp\"], \"file\": "
             "\"a.cpp\"}]");
  expectOneLineError(run(coroTidy(), {"-p", P.path("build")}), 2,
                     "entry 1 ('a.cpp'): argument 2 is not a string");
}

TEST(HostileInput, DirectoryThatDoesNotExist) {
  Project P;
  P.file("a.cpp", Forgotten);
  for (std::string Dir : {"/nonexistent/dir", "relative/missing"}) {
    P.database("[{\"directory\": \"" + Dir +
               "\", \"command\": \"clang++ -c a.cpp\", \"file\": \"a.cpp\"}]");
    expectOneLineError(run(coroTidy(), {"-p", P.path("build")}), 2,
                       "does not exist");
  }
}

TEST(HostileInput, EntryWithoutCommand) {
  Project P;
  P.database("[{\"directory\": \"/\", \"file\": \"a.cpp\"}]");
  expectOneLineError(run(coroTidy(), {"-p", P.path("build")}), 2,
                     "needs \"arguments\"");
}

TEST(HostileInput, BinarySourceThroughTheDatabase) {
  Project P;
  P.file("a.cpp", std::string("int x;\0\1\2garbage", 17));
  P.database("[" + P.entry("a.cpp") + "]");
  expectOneLineError(run(coroTidy(), {"-p", P.path("build")}), 2,
                     "binary file");
}

TEST(HostileInput, ManyMissingSourcesFailFast) {
  Project P;
  std::string Entries;
  for (int I = 0; I < 10000; ++I)
    Entries += (I ? "," : "") + P.entry("missing" + std::to_string(I) + ".cpp");
  P.database("[" + Entries + "]");
  expectOneLineError(run(coroTidy(), {"-p", P.path("build"), "-j1"}), 2,
                     "No such file or directory");
}

// --- Writes that fail lose nothing silently.

TEST(HostileInput, ReportToAFullDevice) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  for (std::vector<std::string> Args :
       {std::vector<std::string>{"--output=/dev/full"},
        {"--format=sarif", "--output=/dev/full"},
        {"--format=json", "--output=/dev/full"},
        {"--export-fixes=/dev/full"}}) {
    Args.push_back("--quiet");
    Args.push_back(F);
    expectOneLineError(run(coroTidy(), Args), 2, "cannot write");
  }
}

// --- Other one-line errors.

TEST(HostileInput, OneLineErrors) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  expectOneLineError(run(coroTidy(), {"--line-filter=[{", F}), 2,
                     "invalid --line-filter");
  expectOneLineError(run(coroTidy(), {"--line-filter=[{\"name\": 3}]", F}), 2,
                     "invalid --line-filter");
  expectOneLineError(run(coroTidy(), {"-j", "x", F}), 2, "-j option");
  expectOneLineError(run(coroTidy(), {"-jx", F}), 2, "-j option");
  expectOneLineError(run(coroTidy(), {"--header-filter=(", F}), 2,
                     "invalid --header-filter regex");
  std::string NoExtension = P.file("script", "int main() {}\n");
  expectOneLineError(run(coroTidy(), {NoExtension}), 2, "no C or C++ file");
  // With a language given, such a file is fine.
  EXPECT_EQ(run(coroTidy(), {NoExtension, "--", "-x", "c++"}).ExitCode, 0);
}

// --- Runs that are killed leave nothing in the temporary folder.

TEST(HostileInput, KilledRunLeavesNoTemporaryFiles) {
  Project P;
  TempDir Tmp;
  std::string Slow = "#include <regex>\n#include <ranges>\n#include <map>\n"
                     "#include <format>\n#include <iostream>\n";
  Slow += Forgotten;
  std::vector<std::string> Units;
  for (int I = 0; I < 4; ++I)
    Units.push_back(P.file("u" + std::to_string(I) + ".cpp", Slow));
  std::string Script = "TMPDIR='" + Tmp.path() + "' '" + coroTidy() +
                       "' --no-cache -j2";
  for (const std::string &U : Units)
    Script += " '" + U + "'";
  // Kill the parent while its children run, then let them finish.
  Script += " >/dev/null 2>&1 & pid=$!; sleep 0.7; ls '" + Tmp.path() +
            "'; kill -9 $pid; sleep 3; ls '" + Tmp.path() + "'";
  ProcessResult R = run("/bin/sh", {"-c", Script});
  EXPECT_EQ(R.Out.find("coro-tidy-unit"), std::string::npos) << R.Out;
}

// --- The cache never serves a result that a new file would change.

TEST(HostileInput, CacheMissWhenANewHeaderShadowsAnIncludedOne) {
  Project P;
  P.file("late/api.h", "#pragma once\nTask<int> fetch();\n");
  llvm::sys::fs::create_directories(P.path("early"));
  P.file("a.cpp", "#include \"task.h\"\n#include <api.h>\nTask<> h() {\n"
                  "  co_await fetch();\n}\n");
  P.database("[{\"directory\": \"" + P.Dir.path() +
             "\", \"arguments\": [\"clang++\", \"-std=c++20\", \"-Iearly\", "
             "\"-Ilate\", \"-c\", \"a.cpp\"], \"file\": \"a.cpp\"}]");
  ProcessResult Cold = run(coroTidy(), {"-p", P.path("build"), "--header-filter=.*"});
  EXPECT_EQ(Cold.Out.find("warning:"), std::string::npos) << Cold.Out;
  // A header in the earlier folder now wins the search.
  P.file("early/api.h", "#pragma once\nTask<int> fetch();\n"
                        "inline Task<> more() { fetch(); co_return; }\n");
  ProcessResult Warm = run(coroTidy(), {"-p", P.path("build"), "--header-filter=.*"});
  EXPECT_NE(Warm.Err.find("0 from the cache"), std::string::npos) << Warm.Err;
  EXPECT_NE(Warm.Out.find("early/api.h:3"), std::string::npos) << Warm.Out;
}

TEST(HostileInput, CacheMissWhenHasIncludeBecomesTrue) {
  Project P;
  P.file("a.cpp", "#include \"task.h\"\nTask<int> fetch();\n"
                  "#if __has_include(\"extra.h\")\n#include \"extra.h\"\n#endif\n"
                  "Task<> h() { co_await fetch(); }\n");
  P.database("[" + P.entry("a.cpp") + "]");
  ProcessResult Cold = run(coroTidy(), {"-p", P.path("build"), "--header-filter=.*"});
  EXPECT_EQ(Cold.Out.find("warning:"), std::string::npos) << Cold.Out;
  P.file("extra.h", "inline Task<> more() { fetch(); co_return; }\n");
  ProcessResult Warm = run(coroTidy(), {"-p", P.path("build"), "--header-filter=.*"});
  EXPECT_NE(Warm.Err.find("0 from the cache"), std::string::npos) << Warm.Err;
  EXPECT_NE(Warm.Out.find("extra.h:1"), std::string::npos) << Warm.Out;
  // Nothing changed since: served from the cache.
  ProcessResult Again = run(coroTidy(), {"-p", P.path("build"), "--header-filter=.*"});
  EXPECT_NE(Again.Err.find("1 from the cache"), std::string::npos) << Again.Err;
  EXPECT_EQ(Again.Out, Warm.Out);
}

} // namespace
