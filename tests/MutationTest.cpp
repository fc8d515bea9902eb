//===--- MutationTest.cpp - mutants of testdata never break the driver ----===//
//
// Deterministic mutants (a fixed seed) of the testdata sources and of the
// driver's own inputs: truncation, deleted tokens, random bytes, deep
// nesting, duplicated lines. Every run must end within a time bound with
// exit 0, 1 or 2 and no stack dump; a unit that crashes clang's own parser
// may end the run with exit 3, in one line per unit.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <cstdint>

using namespace coro_tidy::test;

namespace {

/// A small deterministic generator (splitmix64): the same mutants on every
/// machine and every run.
class Random {
public:
  explicit Random(uint64_t Seed) : State(Seed) {}
  uint64_t next() {
    uint64_t Z = (State += 0x9e3779b97f4a7c15ULL);
    Z = (Z ^ (Z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    Z = (Z ^ (Z >> 27)) * 0x94d049bb133111ebULL;
    return Z ^ (Z >> 31);
  }
  size_t below(size_t N) { return N ? next() % N : 0; }

private:
  uint64_t State;
};

std::string mutate(const std::string &Text, Random &R) {
  std::string M = Text;
  switch (R.below(6)) {
  case 0: // truncation
    M.resize(R.below(M.size() + 1));
    break;
  case 1: { // delete a few tokens
    for (int I = 0, N = 1 + R.below(4); I < N && !M.empty(); ++I) {
      size_t At = R.below(M.size());
      size_t End = M.find_first_of(" \n;(){}", At + 1);
      M.erase(At, (End == std::string::npos ? M.size() : End) - At);
    }
    break;
  }
  case 2: // random bytes
    for (int I = 0, N = 1 + R.below(16); I < N; ++I) {
      size_t At = R.below(M.size() + 1);
      M.insert(M.begin() + At, static_cast<char>(R.below(256)));
    }
    break;
  case 3: { // deep nesting
    size_t At = R.below(M.size() + 1);
    const char *Open[] = {"(", "{", "[", "<", "co_await ("};
    std::string Piece = Open[R.below(5)];
    std::string Nest;
    for (size_t I = 0, N = 200 + R.below(3000); I < N; ++I)
      Nest += Piece;
    M.insert(At, Nest);
    break;
  }
  case 4: { // duplicate a line many times
    size_t At = M.rfind('\n', R.below(M.size() + 1));
    At = At == std::string::npos ? 0 : At + 1;
    size_t End = M.find('\n', At);
    std::string Line = M.substr(At, End == std::string::npos ? End : End - At);
    std::string Many;
    for (int I = 0; I < 500; ++I)
      Many += Line + "\n";
    M.insert(At, Many);
    break;
  }
  default: // swap two slices
    if (M.size() > 4) {
      size_t A = R.below(M.size() / 2), B = M.size() / 2 + R.below(M.size() / 2);
      size_t Len = std::min<size_t>(1 + R.below(64), M.size() - B);
      std::swap_ranges(M.begin() + A, M.begin() + A + std::min(Len, B - A),
                       M.begin() + B);
    }
  }
  return M;
}

std::vector<std::string> testdataSources() {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator
           It(sourceDir() + "/testdata", EC),
       End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef Path = It->path();
    if (!Path.ends_with(".cpp") || Path.ends_with(".fixed.cpp") ||
        Path.contains("/projects/"))
      continue;
    // Cases that include real Boost.Asio spend seconds in its headers,
    // which a mutant of the case leaves alone: the mutants' time goes to
    // the cases whose own text is most of what clang reads.
    std::string Text = readFile(Path.str());
    if (llvm::StringRef(Text).contains("boost/asio") ||
        llvm::StringRef(Text).contains("<asio"))
      continue;
    Files.push_back(Path.str());
  }
  std::sort(Files.begin(), Files.end());
  return Files;
}

/// Lines of \p Err that are neither compiler output nor coro-tidy's own
/// one-line reports: what a crash or an abort would print.
void expectNoCrashReport(const ProcessResult &R, const std::string &What) {
  EXPECT_EQ(R.Err.find("Stack dump"), std::string::npos) << What << R.Err;
  EXPECT_EQ(R.Err.find("LLVM ERROR"), std::string::npos) << What << R.Err;
  EXPECT_EQ(R.Err.find("PLEASE submit"), std::string::npos) << What << R.Err;
  EXPECT_NE(R.ExitCode, 124) << What << ": timed out";
  EXPECT_TRUE(R.ExitCode >= 0 && R.ExitCode <= 3) << What << ": exit "
                                                   << R.ExitCode << R.Err;
}

std::vector<std::string> bounded(std::vector<std::string> Args) {
  Args.insert(Args.begin(), {"120", coroTidy()});
  return Args;
}

TEST(Mutation, SourceMutantsOfTestdata) {
  std::vector<std::string> Sources = testdataSources();
  ASSERT_GT(Sources.size(), 50u);
  Random R(20261201);
  TempDir Dir;
  const int Mutants = 144, Batch = 24;
  for (int First = 0; First < Mutants; First += Batch) {
    std::vector<std::string> Args = {"--no-cache", "-j2", "--quiet"};
    for (int I = First; I < First + Batch; ++I) {
      const std::string &From = Sources[R.below(Sources.size())];
      std::string Name = "m" + std::to_string(I) + ".cpp";
      Args.push_back(Dir.write(Name, mutate(readFile(From), R)));
    }
    Args.insert(Args.end(),
                {"--", "-std=c++20", "-I" + sourceDir() + "/testdata/include",
                 "-I" + sourceDir() + "/runtime/include"});
    ProcessResult Run = run("timeout", bounded(Args));
    std::string What = "mutants " + std::to_string(First) + "-" +
                       std::to_string(First + Batch - 1) + " in " + Dir.path();
    expectNoCrashReport(Run, What);
    // A mutant that is binary or not a file is refused before any unit runs
    // (exit 2); otherwise every unit ran: 0 or 1, or 3 with one line per
    // crashed unit.
    if (Run.ExitCode == 3) {
      size_t Lines = std::count(Run.Err.begin(), Run.Err.end(), '\n');
      size_t Crashes = 0;
      for (size_t At = Run.Err.find("internal error while checking");
           At != std::string::npos;
           At = Run.Err.find("internal error while checking", At + 1))
        ++Crashes;
      EXPECT_GT(Crashes, 0u) << What << Run.Err;
      EXPECT_LE(Crashes, Lines) << What << Run.Err;
    }
    if (Run.ExitCode == 2)
      EXPECT_EQ(std::count(Run.Err.begin(), Run.Err.end(), '\n'), 1)
          << What << Run.Err;
  }
}

TEST(Mutation, ConfigurationAndDatabaseMutants) {
  TempDir Dir;
  std::string Source = Dir.write("a.cpp", "#include <coroutine>\nint main() {}\n");
  const std::string Config =
      "Checks: '-*,coro-*'\nWarningsAsErrors: ''\nHeaderFilterRegex: 'src/'\n"
      "CheckOptions:\n  coro-blocking-call.MaxCallDepth: '3'\n"
      "  coro-missing-co-await.IgnoredFunctions: 'a::b;c'\n";
  const std::string Database =
      "[{\"directory\": \"" + Dir.path() + "\", \"arguments\": [\"clang++\", "
      "\"-std=c++20\", \"-c\", \"a.cpp\"], \"file\": \"a.cpp\"}]";
  const std::string LineFilter = "[{\"name\": \"a.cpp\", \"lines\": [[1, 2]]}]";
  Random R(7);
  for (int I = 0; I < 120; ++I) {
    std::string What = "mutant " + std::to_string(I);
    switch (I % 3) {
    case 0: {
      std::string Cfg = Dir.write("cfg" + std::to_string(I) + ".yaml",
                                  mutate(Config, R));
      expectNoCrashReport(run("timeout", bounded({"--config-file=" + Cfg,
                                                  "--quiet", Source})),
                          What + " (configuration " + Cfg + ")");
      break;
    }
    case 1: {
      std::string Build = "build" + std::to_string(I);
      Dir.write(Build + "/compile_commands.json", mutate(Database, R));
      expectNoCrashReport(
          run("timeout", bounded({"-p", Dir.path() + "/" + Build, "--quiet",
                                  "--no-cache"})),
          What + " (database in " + Build + ")");
      break;
    }
    default:
      expectNoCrashReport(
          run("timeout", bounded({"--line-filter=" + mutate(LineFilter, R),
                                  "--quiet", Source})),
          What + " (line filter)");
    }
  }
}

} // namespace
