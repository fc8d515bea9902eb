//===--- ProjectTest.cpp - coro-tidy at project scale, end to end ---------===//
//
// Whole compilation databases, -j, the result cache, --diff in a real git
// repository, SARIF and JSON output, crash isolation, CMake's
// CMAKE_CXX_CLANG_TIDY and the pre-commit hook, all through the built binary.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"

using namespace coro_tidy::test;
using coro_tidy::test::TaskHeader;

namespace {

std::string unit(const std::string &Name, int Bugs) {
  std::string Text = "#include \"task.h\"\n#include \"api.h\"\n"
                     "Task<> " + Name + "() {\n";
  for (int I = 0; I < Bugs; ++I)
    Text += "  fetch();\n";
  Text += "  co_await fetch();\n}\n";
  return Text;
}

/// A small project: src/{a,b,c}.cpp, headers, build/compile_commands.json.
struct Project {
  Project() {
    Dir.write("src/task.h", TaskHeader);
    Dir.write("src/api.h", "#pragma once\nTask<int> fetch();\n");
    Dir.write("src/a.cpp", unit("a", 1));
    Dir.write("src/b.cpp", unit("b", 2));
    Dir.write("src/c.cpp", unit("c", 0));
    std::string Entries;
    for (const char *F : {"a", "b", "c"}) {
      if (!Entries.empty())
        Entries += ",";
      Entries += "{\"directory\": \"" + Dir.path() + "/src\", \"command\": "
                 "\"clang++ -std=c++20 -c " + F + ".cpp\", \"file\": \"" + F +
                 ".cpp\"}";
    }
    Dir.write("build/compile_commands.json", "[" + Entries + "]");
  }
  std::string build() const { return Dir.path() + "/build"; }
  std::string src(const std::string &F) const { return Dir.path() + "/src/" + F; }
  TempDir Dir;
};

size_t count(const std::string &Haystack, const std::string &Needle) {
  size_t N = 0;
  for (size_t At = Haystack.find(Needle); At != std::string::npos;
       At = Haystack.find(Needle, At + 1))
    ++N;
  return N;
}

TEST(Project, ChecksEveryUnitOfTheDatabase) {
  Project P;
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--no-cache", "--quiet"});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(count(R.Out, "warning:"), 3u) << R.Out;
  EXPECT_NE(R.Out.find("a.cpp:4:3"), std::string::npos);
  EXPECT_NE(R.Out.find("b.cpp:5:3"), std::string::npos);
}

TEST(Project, OutputIsIdenticalWhateverTheParallelism) {
  Project P;
  ProcessResult One = run(coroTidy(), {"-p", P.build(), "--no-cache", "-j", "1"});
  ProcessResult Three = run(coroTidy(), {"-p", P.build(), "--no-cache", "-j", "3"});
  EXPECT_EQ(One.ExitCode, 0);
  EXPECT_EQ(One.Out, Three.Out);
  EXPECT_EQ(One.Err, Three.Err);
  ProcessResult Sarif1 = run(coroTidy(), {"-p", P.build(), "--no-cache", "-j1", "--format=sarif"});
  ProcessResult Sarif3 = run(coroTidy(), {"-p", P.build(), "--no-cache", "-j3", "--format=sarif"});
  EXPECT_EQ(Sarif1.ExitCode, 0) << Sarif1.Err;
  EXPECT_NE(Sarif1.Out.find("\"results\""), std::string::npos);
  EXPECT_EQ(Sarif1.Out, Sarif3.Out);
  ProcessResult Spaced = run(coroTidy(), {"-p", P.build(), "--no-cache", "-j", "2"});
  EXPECT_EQ(One.Out, Spaced.Out);
}

TEST(Project, FilesRegexAndExclude) {
  Project P;
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--no-cache", "--quiet",
                                     "--files-regex=/[ab]\\.cpp$", "--exclude=b\\.cpp"});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(count(R.Out, "warning:"), 1u) << R.Out;
  EXPECT_NE(R.Out.find("a.cpp"), std::string::npos);
}

TEST(Project, ProgressLineOnATerminal) {
  if (!haveProgram("script"))
    GTEST_SKIP() << "script (util-linux) is needed for a pseudo-terminal";
  Project P;
  std::string Command = coroTidy() + " -p " + P.build() + " --no-cache -j1";
  ProcessResult R = run("script", {"-qec", Command, "/dev/null"});
  EXPECT_NE(R.Out.find("[3/3] "), std::string::npos) << R.Out;
  ProcessResult Quiet = run("script", {"-qec", Command + " --quiet", "/dev/null"});
  EXPECT_EQ(Quiet.Out.find("[1/3]"), std::string::npos) << Quiet.Out;
}

TEST(Project, ProgressLinesInACiLog) {
  Project P;
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--no-cache"});
  EXPECT_NE(R.Err.find("[1/3] "), std::string::npos) << R.Err;
  EXPECT_NE(R.Err.find("[3/3] "), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find("\r"), std::string::npos) << R.Err;
  ProcessResult Quiet = run(coroTidy(), {"-p", P.build(), "--no-cache", "--quiet"});
  EXPECT_EQ(Quiet.Err.find("[1/3]"), std::string::npos) << Quiet.Err;
}

TEST(Project, FindingsStreamAsUnitsFinish) {
  Project P;
  // One stream: a.cpp's finding is printed before the last unit is done.
  ProcessResult R = run("/bin/sh", {"-c", "'" + coroTidy() + "' -p '" + P.build() +
                                              "' --no-cache -j1 2>&1"});
  size_t First = R.Out.find("a.cpp:4:3");
  size_t Last = R.Out.find("[3/3] ");
  ASSERT_NE(First, std::string::npos) << R.Out;
  ASSERT_NE(Last, std::string::npos) << R.Out;
  EXPECT_LT(First, Last) << R.Out;
}

TEST(Cache, CachedUnitsPrintTheSameCompilerMessages) {
  Project P;
  ProcessResult Cold = run(coroTidy(), {"-p", P.build()});
  ProcessResult Warm = run(coroTidy(), {"-p", P.build()});
  EXPECT_NE(Warm.Err.find("3 from the cache"), std::string::npos) << Warm.Err;
  auto Generated = [](const std::string &Err) {
    return count(Err, "warning generated.") + count(Err, "warnings generated.");
  };
  EXPECT_EQ(Generated(Cold.Err), 2u) << Cold.Err;
  EXPECT_EQ(Generated(Warm.Err), 2u) << Warm.Err;
}

TEST(Project, OneReportPerLineWhateverTheInstantiationsAndUnits) {
  TempDir Dir;
  Dir.write("src/task.h", TaskHeader);
  Dir.write("src/inc/tmpl.h", "#pragma once\n#include \"../task.h\"\n"
                              "template <int N> Task<int> fetch();\n"
                              "template <int N> Task<> work() {\n"
                              "  fetch<N>();\n"
                              "  co_return;\n}\n");
  // Two units, 50 instantiations each, the header reached through
  // differently spelled include folders.
  std::string Body = "#include \"tmpl.h\"\n#include <utility>\n"
                     "template <int... I> Task<> all(std::integer_sequence<int, I...>) {\n"
                     "  (co_await work<I>(), ...);\n}\n"
                     "Task<> entry() { co_await all(std::make_integer_sequence<int, 50>()); }\n";
  Dir.write("src/a.cpp", Body);
  Dir.write("src/b.cpp", Body);
  std::string Entries;
  for (auto [F, Inc] : {std::pair{"a", "inc/."}, {"b", "../src/inc"}}) {
    if (!Entries.empty())
      Entries += ",";
    Entries += "{\"directory\": \"" + Dir.path() + "/src\", \"command\": "
               "\"clang++ -std=c++20 -I" + Inc + " -c " + F + ".cpp\", \"file\": \"" +
               F + ".cpp\"}";
  }
  Dir.write("build/compile_commands.json", "[" + Entries + "]");
  for (const char *Jobs : {"-j1", "-j2"}) {
    ProcessResult R = run(coroTidy(), {"-p", Dir.path() + "/build", "--no-cache",
                                       "--header-filter=.*", "--quiet", Jobs});
    EXPECT_EQ(count(R.Out, "warning:"), 1u) << R.Out;
    EXPECT_NE(R.Out.find(Dir.path() + "/src/inc/tmpl.h:5:3: warning:"), std::string::npos)
        << R.Out;
    ProcessResult Sarif = run(coroTidy(), {"-p", Dir.path() + "/build", "--no-cache",
                                           "--header-filter=.*", "--format=sarif", Jobs});
    EXPECT_EQ(count(Sarif.Out, "\"ruleId\""), 1u) << Sarif.Out;
    ProcessResult Json = run(coroTidy(), {"-p", Dir.path() + "/build", "--no-cache",
                                          "--header-filter=.*", "--format=json", Jobs});
    EXPECT_EQ(count(Json.Out, "\"check\""), 1u) << Json.Out;
  }
}

/// src/a.cpp including the project's include/app.h and a vendored
/// third_party/lib/lib.h, each with a finding, through relative -I flags.
struct HeaderProject {
  HeaderProject() {
    Dir.write("src/task.h", TaskHeader);
    const char *Bad = "#pragma once\n#include \"../../src/task.h\"\n"
                      "Task<int> fetch();\ninline Task<> %s() { fetch(); co_return; }\n";
    auto Header = [&](const char *Name) {
      std::string Text = Bad;
      Text.replace(Text.find("%s"), 2, Name);
      return Text;
    };
    Dir.write("include/app/app.h", Header("app"));
    Dir.write("third_party/lib/lib.h", Header("lib"));
    Dir.write("src/a.cpp", "#include <app/app.h>\n#include <lib.h>\n");
    Dir.write("build/compile_commands.json",
              "[{\"directory\": \"" + Dir.path() + "\", \"command\": \"clang++ "
              "-std=c++20 -Iinclude -Ithird_party/lib -c src/a.cpp\", \"file\": "
              "\"src/a.cpp\"}]");
  }
  ProcessResult lint(std::vector<std::string> Args = {}) const {
    Args.insert(Args.begin(), {"-p", Dir.path() + "/build", "--no-cache", "--quiet"});
    return run(coroTidy(), Args);
  }
  TempDir Dir;
};

TEST(Headers, TheProjectsOwnHeadersAreReportedByDefault) {
  HeaderProject P;
  ProcessResult R = P.lint();
  EXPECT_NE(R.Out.find(P.Dir.path() + "/include/app/app.h:4:"), std::string::npos) << R.Out;
  EXPECT_EQ(R.Out.find("lib.h"), std::string::npos) << R.Out; // third party
}

TEST(Headers, AHeaderFilterDecidesAloneAsInClangTidy) {
  HeaderProject P;
  ProcessResult None = P.lint({"--header-filter="});
  EXPECT_EQ(count(None.Out, "warning:"), 0u) << None.Out;
  ProcessResult All = P.lint({"--header-filter=.*"});
  EXPECT_EQ(count(All.Out, "warning:"), 2u) << All.Out;
  P.Dir.write(".clang-tidy", "HeaderFilterRegex: 'third_party'\n");
  ProcessResult Config = P.lint();
  EXPECT_NE(Config.Out.find("third_party/lib/lib.h:4:"), std::string::npos) << Config.Out;
  EXPECT_EQ(Config.Out.find("app.h"), std::string::npos) << Config.Out;
}

TEST(Headers, AFilterCopiedFromTheOutputMatches) {
  HeaderProject P;
  // The path printed is absolute, although -Iinclude is relative; the same
  // text as a filter selects that header.
  ProcessResult All = P.lint({"--header-filter=.*"});
  std::string Printed = P.Dir.path() + "/third_party/lib/lib.h";
  ASSERT_NE(All.Out.find(Printed + ":4:"), std::string::npos) << All.Out;
  ProcessResult Copied = P.lint({"--header-filter=^" + Printed + "$"});
  EXPECT_EQ(count(Copied.Out, "warning:"), 1u) << Copied.Out;
  EXPECT_NE(Copied.Out.find(Printed + ":4:"), std::string::npos) << Copied.Out;
}

TEST(Cache, SecondRunIsServedFromTheCacheWithTheSameOutput) {
  Project P;
  ProcessResult Cold = run(coroTidy(), {"-p", P.build()});
  EXPECT_NE(Cold.Err.find("3 translation units, 0 from the cache"), std::string::npos) << Cold.Err;
  ProcessResult Warm = run(coroTidy(), {"-p", P.build()});
  EXPECT_NE(Warm.Err.find("3 translation units, 3 from the cache"), std::string::npos) << Warm.Err;
  EXPECT_EQ(Cold.Out, Warm.Out);
  EXPECT_TRUE(llvm::sys::fs::is_directory(P.build() + "/.coro-tidy-cache"));
}

TEST(Cache, ChangedHeaderInvalidatesOnlyTheUnitsThatIncludeIt) {
  Project P;
  P.Dir.write("src/extra.h", "#pragma once\n");
  P.Dir.write("src/c.cpp", "#include \"extra.h\"\n" + unit("c", 0));
  run(coroTidy(), {"-p", P.build(), "--header-filter=.*"});
  // extra.h now declares a coroutine that c.cpp calls without co_await.
  P.Dir.write("src/extra.h", "#pragma once\n#include \"task.h\"\nTask<> later();\n"
                             "inline Task<> use_later() { later(); co_return; }\n");
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--header-filter=.*"});
  EXPECT_NE(R.Err.find("3 translation units, 2 from the cache"), std::string::npos) << R.Err;
  EXPECT_NE(R.Out.find("extra.h:4:"), std::string::npos) << R.Out;
}

TEST(Cache, OptionsAndChecksArePartOfTheKey) {
  Project P;
  run(coroTidy(), {"-p", P.build()});
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--warnings-as-errors=coro-*"});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_NE(R.Err.find("0 from the cache"), std::string::npos) << R.Err;
}

TEST(Cache, CorruptEntriesAreIgnored) {
  Project P;
  ProcessResult Cold = run(coroTidy(), {"-p", P.build()});
  std::error_code EC;
  unsigned Corrupted = 0;
  for (llvm::sys::fs::recursive_directory_iterator It(P.build() + "/.coro-tidy-cache", EC), End;
       It != End && !EC; It.increment(EC)) {
    // Entries only: the project index has a test of its own
    // (CrossFile.CorruptOrForeignIndexIsIgnoredWithOneLineWarning).
    if (!llvm::StringRef(It->path()).ends_with(".json") ||
        llvm::StringRef(It->path()).contains("/includes/") ||
        llvm::StringRef(It->path()).ends_with("/project-index.json"))
      continue;
    // Alternate between garbage and a plausible entry with a wrong result.
    std::string Text = readFile(It->path());
    size_t Message = Text.find("never awaited");
    std::string Bad = Message == std::string::npos
                          ? "{\"key\": \"x\", garbage"
                          : std::string(Text).replace(Message, 5, "NEVER");
    P.Dir.write(It->path().substr(P.Dir.path().size() + 1), Bad);
    ++Corrupted;
  }
  ASSERT_EQ(Corrupted, 3u);
  ProcessResult Again = run(coroTidy(), {"-p", P.build()});
  EXPECT_EQ(Cold.Out, Again.Out);
  EXPECT_NE(Again.Err.find("0 from the cache"), std::string::npos) << Again.Err;
}

TEST(Cache, ConcurrentRunsSharingACacheAgree) {
  Project P;
  ProcessResult Reference = run(coroTidy(), {"-p", P.build(), "--no-cache"});
  // Four runs at once write the same entries; each must print the same
  // findings, and so must a run that reads what they left.
  std::string Script;
  for (int I = 0; I < 4; ++I)
    Script += "'" + coroTidy() + "' -p '" + P.build() + "' -j1 > '" +
              P.Dir.path() + "/out" + std::to_string(I) + "' 2>/dev/null & ";
  Script += "wait";
  ProcessResult Concurrent = run("sh", {"-c", Script});
  ASSERT_EQ(Concurrent.ExitCode, 0) << Concurrent.Err;
  for (int I = 0; I < 4; ++I)
    EXPECT_EQ(readFile(P.Dir.path() + "/out" + std::to_string(I)), Reference.Out) << I;
  ProcessResult After = run(coroTidy(), {"-p", P.build()});
  EXPECT_EQ(After.Out, Reference.Out);
  EXPECT_NE(After.Err.find("3 from the cache"), std::string::npos) << After.Err;
}

TEST(Cache, ExplicitCacheDirAndNoCache) {
  Project P;
  std::string Dir = P.Dir.path() + "/my-cache";
  run(coroTidy(), {"-p", P.build(), "--cache-dir=" + Dir});
  EXPECT_TRUE(llvm::sys::fs::is_directory(Dir));
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--no-cache"});
  EXPECT_EQ(R.Err.find("from the cache"), std::string::npos) << R.Err;
}

TEST(Isolation, ACrashingUnitIsReportedAndTheRunContinues) {
  Project P;
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--no-cache"}, "",
                        {"CORO_TIDY_TEST_CRASH_UNIT=b.cpp"});
  EXPECT_EQ(R.ExitCode, 3) << R.Err;
  EXPECT_NE(R.Err.find("internal error while checking"), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find("Stack dump"), std::string::npos) << R.Err;
  EXPECT_NE(R.Out.find("a.cpp:4:3"), std::string::npos) << R.Out;
  EXPECT_EQ(R.Out.find("b.cpp"), std::string::npos) << R.Out;
}

TEST(Formats, SarifHasTheRequiredProperties) {
  Project P;
  P.Dir.write("src/c.cpp", "#include \"task.h\"\n#include \"api.h\"\n"
                           "void plain() { fetch(); }\n");
  std::string Out = P.Dir.path() + "/report.sarif";
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--no-cache",
                                     "--format=sarif", "--output=" + Out});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(R.Out, "");
  auto Parsed = llvm::json::parse(readFile(Out));
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  const llvm::json::Object *Log = Parsed->getAsObject();
  ASSERT_TRUE(Log);
  EXPECT_EQ(Log->getString("version"), "2.1.0");
  EXPECT_TRUE(Log->getString("$schema"));
  const llvm::json::Array *Runs = Log->getArray("runs");
  ASSERT_TRUE(Runs && Runs->size() == 1);
  const llvm::json::Object *Run = (*Runs)[0].getAsObject();
  const llvm::json::Object *Driver =
      Run->getObject("tool")->getObject("driver");
  ASSERT_TRUE(Driver);
  EXPECT_EQ(Driver->getString("name"), "coro-tidy");
  const llvm::json::Array *Rules = Driver->getArray("rules");
  ASSERT_TRUE(Rules && !Rules->empty());
  for (const llvm::json::Value &Rule : *Rules) {
    const llvm::json::Object *RO = Rule.getAsObject();
    ASSERT_TRUE(RO->getString("id"));
    ASSERT_TRUE(RO->getObject("shortDescription"));
    EXPECT_TRUE(RO->getObject("shortDescription")->getString("text"));
    if (RO->getString("id")->starts_with("coro-")) {
      ASSERT_TRUE(RO->getString("helpUri"));
      EXPECT_TRUE(RO->getString("helpUri")->starts_with("https://"));
      EXPECT_TRUE(RO->getString("helpUri")->ends_with(".md"));
    }
  }
  const llvm::json::Array *Results = Run->getArray("results");
  ASSERT_TRUE(Results);
  EXPECT_EQ(Results->size(), 4u);
  bool SawRelated = false, SawFix = false;
  for (const llvm::json::Value &Result : *Results) {
    const llvm::json::Object *RO = Result.getAsObject();
    EXPECT_TRUE(RO->getString("ruleId"));
    EXPECT_TRUE(RO->getInteger("ruleIndex"));
    ASSERT_TRUE(RO->getObject("message"));
    EXPECT_TRUE(RO->getObject("message")->getString("text"));
    const llvm::json::Array *Locations = RO->getArray("locations");
    ASSERT_TRUE(Locations && !Locations->empty());
    const llvm::json::Object *Physical =
        (*Locations)[0].getAsObject()->getObject("physicalLocation");
    ASSERT_TRUE(Physical);
    EXPECT_TRUE(Physical->getObject("artifactLocation")->getString("uri")->starts_with("file:///"));
    EXPECT_GE(*Physical->getObject("region")->getInteger("startLine"), 1);
    if (const llvm::json::Array *Related = RO->getArray("relatedLocations")) {
      SawRelated = true;
      EXPECT_TRUE((*Related)[0].getAsObject()->getObject("message"));
    }
    if (const llvm::json::Array *Fixes = RO->getArray("fixes")) {
      SawFix = true;
      const llvm::json::Object *Change =
          (*(*Fixes)[0].getAsObject()->getArray("artifactChanges"))[0].getAsObject();
      EXPECT_TRUE(Change->getObject("artifactLocation"));
      const llvm::json::Object *Replacement =
          (*Change->getArray("replacements"))[0].getAsObject();
      EXPECT_TRUE(Replacement->getObject("deletedRegion"));
      EXPECT_EQ(Replacement->getObject("insertedContent")->getString("text"), "co_await ");
    }
  }
  EXPECT_TRUE(SawRelated);
  EXPECT_TRUE(SawFix);
}

TEST(Formats, Json) {
  Project P;
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--no-cache", "--format=json"});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  auto Parsed = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(Parsed)) << R.Out;
  const llvm::json::Array *Findings = Parsed->getAsObject()->getArray("findings");
  ASSERT_TRUE(Findings);
  EXPECT_EQ(Findings->size(), 3u);
  const llvm::json::Object *First = (*Findings)[0].getAsObject();
  EXPECT_EQ(First->getString("check"), "coro-missing-co-await");
  EXPECT_EQ(First->getInteger("line"), 4);
  EXPECT_EQ(First->getInteger("column"), 3);
}

TEST(Formats, TextToAFile) {
  Project P;
  std::string Out = P.Dir.path() + "/report.txt";
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--no-cache", "--output=" + Out});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_EQ(R.Out, "");
  EXPECT_EQ(count(readFile(Out), "warning:"), 3u);
}

/// A git repository with one commit of the project.
struct Repo : Project {
  Repo() {
    git({"init", "-q", "-b", "main"});
    git({"config", "user.email", "t@example.invalid"});
    git({"config", "user.name", "t"});
    git({"add", "."});
    git({"commit", "-q", "-m", "init"});
  }
  ProcessResult git(const std::vector<std::string> &Args) {
    ProcessResult R = run("git", Args, Dir.path());
    EXPECT_EQ(R.ExitCode, 0) << R.Err;
    return R;
  }
};

TEST(Diff, OnlyChangedLinesOfTouchedUnitsAreReported) {
  Repo R;
  // b.cpp keeps its two old bugs and gets a new one at the end.
  R.Dir.write("src/b.cpp", unit("b", 2) + "Task<> b2() { fetch(); co_return; }\n");
  ProcessResult Out = run(coroTidy(), {"-p", R.build(), "--diff", "--no-cache"}, R.Dir.path());
  EXPECT_EQ(Out.ExitCode, 0) << Out.Err;
  EXPECT_EQ(count(Out.Out, "warning:"), 1u) << Out.Out;
  EXPECT_NE(Out.Out.find("b.cpp:8:15"), std::string::npos) << Out.Out;
}

TEST(Diff, HeaderChangesReachTheUnitsThatIncludeThem) {
  Repo R;
  R.Dir.write("src/api.h", "#pragma once\nTask<int> fetch();\n"
                           "inline Task<> helper() { fetch(); co_return; }\n");
  ProcessResult Out = run(coroTidy(), {"-p", R.build(), "--diff=HEAD", "--no-cache",
                                       "--header-filter=.*"}, R.Dir.path());
  EXPECT_EQ(Out.ExitCode, 0) << Out.Err;
  EXPECT_EQ(count(Out.Out, "warning:"), 1u) << Out.Out; // once, not per unit
  EXPECT_NE(Out.Out.find("api.h:3:"), std::string::npos) << Out.Out;
}

TEST(Diff, TransitiveHeaderChangesAreMappedThroughTheCache) {
  Repo R;
  R.Dir.write("src/deep.h", "#pragma once\n");
  R.Dir.write("src/api.h", "#pragma once\n#include \"deep.h\"\nTask<int> fetch();\n");
  R.git({"add", "."});
  R.git({"commit", "-q", "-m", "deep"});
  run(coroTidy(), {"-p", R.build()}); // fills the cache with include lists
  R.Dir.write("src/deep.h", "#pragma once\n#include \"task.h\"\n"
                            "Task<> deep_work();\ninline Task<> go() { deep_work(); co_return; }\n");
  ProcessResult Out = run(coroTidy(), {"-p", R.build(), "--diff", "--header-filter=.*"},
                          R.Dir.path());
  EXPECT_EQ(Out.ExitCode, 0) << Out.Err;
  EXPECT_NE(Out.Out.find("deep.h:4:"), std::string::npos) << Out.Out << Out.Err;
  // Three units include deep.h through api.h; the finding is shown once.
  EXPECT_EQ(count(Out.Out, "warning:"), 1u) << Out.Out;
  EXPECT_NE(Out.Err.find("3 translation units"), std::string::npos) << Out.Err;
}

TEST(Diff, NothingChangedIsQuickAndClean) {
  Repo R;
  ProcessResult Out = run(coroTidy(), {"-p", R.build(), "--diff"}, R.Dir.path());
  EXPECT_EQ(Out.ExitCode, 0) << Out.Err;
  EXPECT_EQ(Out.Out, "");
}

TEST(Diff, OutsideAGitWorkTree) {
  Project P;
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--diff"}, P.Dir.path());
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("git work tree"), std::string::npos) << R.Err;
}

TEST(Diff, UnknownRevision) {
  Repo R;
  ProcessResult Out = run(coroTidy(), {"-p", R.build(), "--diff=no-such-rev"}, R.Dir.path());
  EXPECT_EQ(Out.ExitCode, 2);
  EXPECT_NE(Out.Err.find("unknown git revision 'no-such-rev'"), std::string::npos) << Out.Err;
}

TEST(ProjectBadInput, DatabaseEntryWithoutDirectory) {
  Project P;
  P.Dir.write("build/compile_commands.json",
              "[{\"command\": \"clang++ -c a.cpp\", \"file\": \"a.cpp\"}]");
  ProcessResult R = run(coroTidy(), {"-p", P.build()});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("malformed compilation database"), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find("Stack dump"), std::string::npos);
}

TEST(ProjectBadInput, DatabaseWithRelativeDirectory) {
  Project P;
  P.Dir.write("build/compile_commands.json",
              "[{\"directory\": \"../src\", \"command\": \"clang++ -std=c++20 -c a.cpp\", "
              "\"file\": \"a.cpp\"}]");
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--no-cache"});
  // Relative directories are resolved against the database's own directory,
  // as CMake and Bear never write them; if unusable, the unit fails cleanly.
  EXPECT_TRUE(R.ExitCode == 0 || R.ExitCode == 1) << R.Err;
  EXPECT_EQ(R.Err.find("Stack dump"), std::string::npos) << R.Err;
}

TEST(ProjectBadInput, CacheDirectoryThatIsAFile) {
  Project P;
  std::string File = P.Dir.write("not-a-dir", "x");
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--cache-dir=" + File});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("cache directory"), std::string::npos) << R.Err;
  EXPECT_LE(std::count(R.Err.begin(), R.Err.end(), '\n'), 1);
}

TEST(ProjectBadInput, MalformedClangTidyNextToADatabaseUnit) {
  Project P;
  P.Dir.write("src/.clang-tidy", "Checks: [unterminated\n");
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--no-cache"}, P.Dir.path());
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("malformed configuration"), std::string::npos) << R.Err;
  EXPECT_LE(std::count(R.Err.begin(), R.Err.end(), '\n'), 1) << R.Err;
}

TEST(ProjectBadInput, UnknownFormat) {
  Project P;
  ProcessResult R = run(coroTidy(), {"-p", P.build(), "--format=xml"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("unknown --format"), std::string::npos);
}

TEST(Integration, CMakeCxxClangTidyRunsCoroTidy) {
  TempDir Build;
  std::string Source = sourceDir() + "/testdata/projects/cmake-clang-tidy";
  ProcessResult Configure = run(
      CMAKE_COMMAND, {"-S", Source, "-B", Build.path(), "-G", "Ninja",
                      "-DCMAKE_CXX_COMPILER=" + clangxx(),
                      "-DCMAKE_CXX_CLANG_TIDY=" + coroTidy() + ";--warnings-as-errors=coro-*"});
  ASSERT_EQ(Configure.ExitCode, 0) << Configure.Out << Configure.Err;
  ProcessResult Build1 = run(CMAKE_COMMAND, {"--build", Build.path()});
  EXPECT_NE(Build1.ExitCode, 0) << "the warning must fail the build";
  EXPECT_NE((Build1.Out + Build1.Err).find("[coro-missing-co-await,-warnings-as-errors]"), std::string::npos)
      << Build1.Out << Build1.Err;
  EXPECT_NE((Build1.Out + Build1.Err).find("handler.cpp"), std::string::npos);
}

/// Runs the repository's pre-commit hook on \p R with pre-commit's
/// try-repo and \p Args (e.g. --all-files); skips without pre-commit.
ProcessResult preCommit(const Project &R, std::vector<std::string> Args) {
  std::string Path = "PATH=" + binaryDir() + "/bin:" + std::string(getenv("PATH"));
  Args.insert(Args.begin(), {"try-repo", sourceDir(), "coro-tidy", "--verbose"});
  return run("pre-commit", Args, R.Dir.path(),
             {Path, "PRE_COMMIT_HOME=" + R.Dir.path() + "/.pc"});
}

bool canRunPreCommit() {
  return haveProgram("pre-commit") && llvm::sys::fs::exists(sourceDir() + "/.git");
}

TEST(Integration, PreCommitHookChecksOnlyTheStagedChange) {
  if (!canRunPreCommit())
    GTEST_SKIP() << "pre-commit is not installed, or the source tree is not a git checkout";
  Repo R;
  R.Dir.write("src/a.cpp", unit("a", 1) + "Task<> a2() { fetch(); co_return; }\n");
  R.git({"add", "src/a.cpp"});
  ProcessResult Hook = preCommit(R, {});
  std::string All = Hook.Out + Hook.Err;
  EXPECT_NE(Hook.ExitCode, 0) << All; // --warnings-as-errors in the hook
  EXPECT_NE(All.find("a.cpp:7:15"), std::string::npos) << All;
  EXPECT_EQ(All.find("a.cpp:4:3"), std::string::npos) << All; // old line
  EXPECT_EQ(All.find("b.cpp"), std::string::npos) << All;     // not staged
}

TEST(Integration, PreCommitAllFilesChecksWholeFiles) {
  if (!canRunPreCommit())
    GTEST_SKIP() << "pre-commit is not installed, or the source tree is not a git checkout";
  Repo R; // a clean tree with bugs in a.cpp and b.cpp
  ProcessResult Hook = preCommit(R, {"--all-files"});
  std::string All = Hook.Out + Hook.Err;
  EXPECT_NE(Hook.ExitCode, 0) << All;
  EXPECT_NE(All.find("a.cpp:4:3"), std::string::npos) << All;
  EXPECT_NE(All.find("b.cpp:5:3"), std::string::npos) << All;
}

TEST(Integration, PreCommitFromRefToRefChecksTheLinesBetween) {
  if (!canRunPreCommit())
    GTEST_SKIP() << "pre-commit is not installed, or the source tree is not a git checkout";
  Repo R;
  R.Dir.write("src/a.cpp", unit("a", 1) + "Task<> a2() { fetch(); co_return; }\n");
  R.git({"commit", "-q", "-am", "second"});
  ProcessResult Hook = preCommit(R, {"--from-ref", "HEAD~1", "--to-ref", "HEAD"});
  std::string All = Hook.Out + Hook.Err;
  EXPECT_NE(Hook.ExitCode, 0) << All;
  EXPECT_NE(All.find("a.cpp:7:15"), std::string::npos) << All;
  EXPECT_EQ(All.find("a.cpp:4:3"), std::string::npos) << All;
  EXPECT_EQ(All.find("b.cpp"), std::string::npos) << All;
}

TEST(Integration, PreCommitOnTheFirstCommitOfANewRepository) {
  if (!canRunPreCommit())
    GTEST_SKIP() << "pre-commit is not installed, or the source tree is not a git checkout";
  Project R; // a repository without any commit
  auto Git = [&](const std::vector<std::string> &Args) {
    EXPECT_EQ(run("git", Args, R.Dir.path()).ExitCode, 0);
  };
  Git({"init", "-q", "-b", "main"});
  Git({"add", "src/a.cpp", "src/task.h", "src/api.h"});
  ProcessResult Hook = preCommit(R, {});
  std::string All = Hook.Out + Hook.Err;
  EXPECT_EQ(All.find("unknown git revision"), std::string::npos) << All;
  EXPECT_NE(Hook.ExitCode, 0) << All;
  EXPECT_NE(All.find("a.cpp:4:3"), std::string::npos) << All; // all lines are new
}

} // namespace
