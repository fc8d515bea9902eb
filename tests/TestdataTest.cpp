//===--- TestdataTest.cpp - runs every testdata/ file (see its README) ----===//
//
// For each testdata/<check>/<case>.cpp: run coro-tidy, compare its
// diagnostics with the inline `expected-*` comments, run the stock
// clang-tidy-19 with the plugin and require the same findings and fixes,
// and, when a <case>.fixed.cpp exists, apply the fixes to a copy and
// compare; a case without one must get no fix.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

using namespace coro_tidy::test;

namespace {

struct Expectation {
  unsigned Line;
  std::string Level;
  std::string Text;
  /// The check that must report it: named in the expectation
  /// (`expected-warning[coro-x]`), or the case's only check; empty for
  /// notes and unnamed errors (compiler errors belong to no check).
  std::string Check;
  bool Matched = false;
};

struct TestCase {
  std::string Path;     ///< Absolute path of the case.
  std::string Name;     ///< check/case, for the test name.
  std::string Checks;   ///< --checks value.
  std::string Config;   ///< --config value, may be empty.
  std::vector<std::string> Args; ///< Compiler arguments.
  std::vector<Expectation> Expected;
  std::string FixedPath; ///< Expected result of --fix, may be empty.
  /// Mistakes in the case's expectations: each fails the test.
  std::vector<std::string> Errors;
};

/// The checks a `--checks` value enables (`-*,coro-a,coro-b`), or none if
/// one is a glob: then no single check is known.
std::vector<std::string> enabledChecks(const std::string &Checks,
                                       bool &Glob) {
  std::vector<std::string> Enabled;
  Glob = false;
  llvm::SmallVector<llvm::StringRef, 4> Items;
  llvm::StringRef(Checks).split(Items, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item.empty() || Item.starts_with("-"))
      continue;
    if (Item.contains('*'))
      Glob = true;
    Enabled.push_back(Item.str());
  }
  return Enabled;
}

/// Fills in each expectation's check and records what is wrong with them:
/// in a case that enables more than one check, every expected warning must
/// name its check; a named check must be enabled; a case whose one check is
/// not its directory's belongs in that check's directory.
void resolveChecks(TestCase &Case, const std::string &CheckDir) {
  bool Glob = false;
  std::vector<std::string> Enabled = enabledChecks(Case.Checks, Glob);
  bool Single = !Glob && Enabled.size() == 1;
  if (Single && Enabled.front() != CheckDir)
    Case.Errors.push_back("// CHECKS: enables only '" + Enabled.front() +
                          "', not the directory's '" + CheckDir +
                          "': move the case to testdata/" + Enabled.front() +
                          "/");
  for (Expectation &E : Case.Expected) {
    std::string Where = "line " + std::to_string(E.Line) + ": expected-" +
                        E.Level + " {{" + E.Text + "}}";
    if (E.Level == "note") {
      if (!E.Check.empty())
        Case.Errors.push_back(Where + " names [" + E.Check +
                              "], but notes carry no check name");
      E.Check.clear();
      continue;
    }
    if (!E.Check.empty()) {
      if (!Glob && std::find(Enabled.begin(), Enabled.end(), E.Check) ==
                       Enabled.end())
        Case.Errors.push_back(Where + " names [" + E.Check +
                              "], which the case does not enable (" +
                              Case.Checks + ")");
      continue;
    }
    if (E.Level == "error")
      continue; // A compiler error, unless it names a check.
    if (Single)
      E.Check = Enabled.front();
    else
      Case.Errors.push_back(
          Where + " must name its check, as in expected-" + E.Level +
          "[coro-...] {{...}}: the case enables " + Case.Checks);
  }
}

/// The check that reported a message: the first name of its ` [check]`
/// suffix (`[coro-x,-warnings-as-errors]` is coro-x's); empty if none.
std::string reportedCheck(const std::string &Message) {
  static const std::regex Suffix(R"( \[([^\[\], ]+)(,[^\[\]]*)?\]$)");
  std::smatch M;
  if (std::regex_search(Message, M, Suffix))
    return M[1];
  return "";
}

std::vector<std::string> splitArgs(const std::string &S) {
  std::istringstream In(S);
  std::vector<std::string> Out;
  for (std::string W; In >> W;)
    Out.push_back(W);
  return Out;
}

TestCase parseCase(const std::string &Path) {
  TestCase Case;
  Case.Path = Path;
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  std::string CheckDir = llvm::sys::path::filename(Dir).str();
  Case.Name = CheckDir + "/" + llvm::sys::path::stem(Path).str();
  Case.Checks = "-*," + CheckDir;
  Case.Args = {"-std=c++20", "-I" + sourceDir() + "/testdata/include",
               "-I" + sourceDir() + "/runtime/include", "-I" + Dir.str()};

  // expected-warning, expected-warning@+1, expected-warning[coro-x],
  // expected-warning@-2[coro-x], then {{text}}.
  static const std::regex ExpectRe(
      R"(expected-(warning|note|error)(@([+-]?\d+))?(\[([^\]]*)\])?\s*\{\{(.*?)\}\})");
  std::string Content = readFile(Path);
  std::istringstream In(Content);
  unsigned LineNo = 0;
  for (std::string Line; std::getline(In, Line);) {
    ++LineNo;
    llvm::StringRef L(Line);
    llvm::StringRef Trimmed = L.trim();
    if (Trimmed.consume_front("// CHECKS:"))
      Case.Checks = "-*," + Trimmed.trim().str();
    else if (Trimmed.consume_front("// CONFIG:"))
      Case.Config = Trimmed.trim().str();
    else if (Trimmed.consume_front("// ARGS:"))
      for (std::string &A : splitArgs(Trimmed.str()))
        Case.Args.push_back(A);
    for (auto It = std::sregex_iterator(Line.begin(), Line.end(), ExpectRe);
         It != std::sregex_iterator(); ++It) {
      const std::smatch &M = *It;
      int Offset = M[3].matched ? std::stoi(M[3]) : 0;
      Case.Expected.push_back(
          {static_cast<unsigned>(static_cast<int>(LineNo) + Offset), M[1],
           M[6], llvm::StringRef(M[5].str()).trim().str()});
      if (M[4].matched && Case.Expected.back().Check.empty())
        Case.Errors.push_back("line " + std::to_string(LineNo) +
                              ": empty check name in " + M[0].str());
    }
  }
  resolveChecks(Case, CheckDir);
  std::string Fixed = (Dir + "/" + llvm::sys::path::stem(Path) + ".fixed.cpp").str();
  if (llvm::sys::fs::exists(Fixed))
    Case.FixedPath = Fixed;
  return Case;
}

std::vector<std::string> toolArgs(const TestCase &Case, const std::string &File) {
  std::vector<std::string> Args{"--checks=" + Case.Checks, "--quiet"};
  if (!Case.Config.empty())
    Args.push_back("--config=" + Case.Config);
  Args.push_back(File);
  Args.push_back("--");
  Args.insert(Args.end(), Case.Args.begin(), Case.Args.end());
  return Args;
}

std::vector<TestCase> discoverCases() {
  std::vector<TestCase> Cases;
  std::error_code EC;
  std::string Root = sourceDir() + "/testdata";
  for (llvm::sys::fs::recursive_directory_iterator It(Root, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef P = It->path();
    if (!P.ends_with(".cpp") || P.ends_with(".fixed.cpp"))
      continue;
    // Only files directly under testdata/<check>/ are cases; helpers live in
    // testdata/include and testdata/projects.
    llvm::StringRef Parent =
        llvm::sys::path::filename(llvm::sys::path::parent_path(P));
    if (!Parent.starts_with("coro-") ||
        llvm::sys::path::parent_path(llvm::sys::path::parent_path(P)) != Root)
      continue;
    Cases.push_back(parseCase(P.str()));
  }
  std::sort(Cases.begin(), Cases.end(),
            [](const TestCase &A, const TestCase &B) { return A.Name < B.Name; });
  return Cases;
}

class Testdata : public ::testing::TestWithParam<TestCase> {};

// gtest prints a failing parameter with this instead of its bytes.
[[maybe_unused]] void PrintTo(const TestCase &Case, std::ostream *OS) {
  *OS << Case.Path;
}

/// Diagnostics of the case's own file (notes in headers are ignored).
std::vector<Diagnostic> ownDiagnostics(const std::string &Output,
                                       const std::string &Path) {
  std::vector<Diagnostic> Own;
  for (Diagnostic &D : parseDiagnostics(Output))
    if (D.File == Path)
      Own.push_back(D);
  return Own;
}

/// The fixes of an exported-fixes file, one line per replacement of each
/// diagnostic's own message (what --fix applies; notes' fixes are not
/// applied without --fix-notes), sorted: "check: file:offset+length 'text'".
std::vector<std::string> exportedFixes(const std::string &Path,
                                       std::string &Error) {
  std::vector<std::string> Fixes;
  if (!llvm::sys::fs::exists(Path))
    return Fixes; // Nothing to export.
  std::string Text = readFile(Path);
  clang::tooling::TranslationUnitDiagnostics TU;
  llvm::yaml::Input In(Text);
  In >> TU;
  if (In.error()) {
    Error = "unreadable exported fixes " + Path;
    return Fixes;
  }
  for (const clang::tooling::Diagnostic &D : TU.Diagnostics)
    for (const auto &File : D.Message.Fix)
      for (const clang::tooling::Replacement &R : File.second)
        Fixes.push_back(D.DiagnosticName + ": " + R.getFilePath().str() + ":" +
                        std::to_string(R.getOffset()) + "+" +
                        std::to_string(R.getLength()) + " '" +
                        R.getReplacementText().str() + "'");
  std::sort(Fixes.begin(), Fixes.end());
  return Fixes;
}

// One run of coro-tidy and one of the stock clang-tidy-19 with the plugin per
// case (each parse of a case costs seconds): the tool's diagnostics must be
// the expected ones, the plugin's the same, and the fixes both export the
// same; a case without a <case>.fixed.cpp must get no fix (no check offers a
// fix it was not tested for). FixItsProduceTheFixedFile applies the others.
TEST_P(Testdata, ReportsTheExpectedDiagnosticsInToolAndPlugin) {
  TestCase Case = GetParam();
  for (const std::string &Error : Case.Errors)
    ADD_FAILURE() << Case.Path << ": " << Error;
  TempDir Tmp;
  std::vector<std::string> Args = toolArgs(Case, Case.Path);
  // Each site as the check reports it, as in the plugin: grouping shared
  // chains is the driver's report (SharedChainsTest.cpp).
  Args.insert(Args.begin(), {"--export-fixes=" + Tmp.path() + "/tool.yaml",
                             "--group-chains-from=0"});
  ProcessResult R = run(coroTidy(), Args);
  bool ExpectsErrors = std::any_of(
      Case.Expected.begin(), Case.Expected.end(),
      [](const Expectation &E) { return E.Level == "error"; });
  ASSERT_EQ(R.ExitCode, ExpectsErrors ? 1 : 0)
      << "stdout:\n" << R.Out << "\nstderr:\n" << R.Err;

  // Line, level and text first; then the check that reported it. A
  // diagnostic that matches an expectation in all but the check is a
  // failure of its own, naming both checks.
  std::vector<Diagnostic> Unexpected;
  for (const Diagnostic &D : ownDiagnostics(R.Out, Case.Path)) {
    std::string Check = reportedCheck(D.Message);
    // The text is looked for in the whole line, suffix included, so that
    // `{{... never awaited [coro-x]}}` can say where a message ends.
    auto Matches = [&](const Expectation &E) {
      return !E.Matched && E.Line == D.Line && E.Level == D.Level &&
             D.Message.find(E.Text) != std::string::npos;
    };
    auto Found = std::find_if(
        Case.Expected.begin(), Case.Expected.end(), [&](const Expectation &E) {
          return Matches(E) && (E.Check.empty() || E.Check == Check);
        });
    if (Found == Case.Expected.end()) {
      Found = std::find_if(Case.Expected.begin(), Case.Expected.end(),
                           Matches);
      if (Found != Case.Expected.end())
        ADD_FAILURE() << "line " << D.Line << ": " << D.Level << " {{"
                      << Found->Text << "}} reported by ["
                      << (Check.empty() ? "no check" : Check)
                      << "], expected [" << Found->Check << "]: " << D.str();
      else
        Unexpected.push_back(D);
    }
    if (Found != Case.Expected.end())
      Found->Matched = true;
  }
  for (const Diagnostic &D : Unexpected)
    ADD_FAILURE() << "unexpected diagnostic: " << D.str();
  for (const Expectation &E : Case.Expected)
    if (!E.Matched)
      ADD_FAILURE() << "expected " << E.Level << " on line " << E.Line
                    << " not reported: {{" << E.Text << "}}\nstdout:\n"
                    << R.Out;

  std::string Error;
  std::vector<std::string> ToolFixes =
      exportedFixes(Tmp.path() + "/tool.yaml", Error);
  EXPECT_EQ(Error, "");
  if (Case.FixedPath.empty() && !ExpectsErrors)
    EXPECT_TRUE(ToolFixes.empty())
        << "fixes offered, but there is no "
        << llvm::sys::path::stem(Case.Path).str() << ".fixed.cpp:\n"
        << llvm::join(ToolFixes, "\n");

  if (!haveProgram(clangTidy()))
    GTEST_SKIP() << "clang-tidy-19 is not installed: the plugin is not run";
  Args = toolArgs(Case, Case.Path);
  Args.insert(Args.begin(), {"--load=" + plugin(),
                             "--export-fixes=" + Tmp.path() + "/plugin.yaml"});
  ProcessResult Plugin = run(clangTidy(), Args);
  std::vector<Diagnostic> A = parseDiagnostics(R.Out);
  std::vector<Diagnostic> B = parseDiagnostics(Plugin.Out);
  std::sort(A.begin(), A.end());
  std::sort(B.begin(), B.end());
  EXPECT_EQ(A, B) << "coro-tidy:\n" << R.Out << "\nclang-tidy --load:\n"
                  << Plugin.Out << Plugin.Err;
  EXPECT_EQ(ToolFixes, exportedFixes(Tmp.path() + "/plugin.yaml", Error))
      << "the plugin exports other fixes";
  EXPECT_EQ(Error, "");
}

class FixedTestdata : public Testdata {};

// --fix on a copy must produce <case>.fixed.cpp, and the fixed code must
// compile.
TEST_P(FixedTestdata, FixItsProduceTheFixedFile) {
  TestCase Case = GetParam();
  std::string Expected = readFile(Case.FixedPath);
  TempDir Tmp;
  std::string Copy = Tmp.write(llvm::sys::path::filename(Case.Path).str(),
                               readFile(Case.Path));
  std::vector<std::string> Args = toolArgs(Case, Copy);
  Args.insert(Args.begin(), "--fix");
  ProcessResult R = run(coroTidy(), Args);
  ASSERT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  EXPECT_EQ(readFile(Copy), Expected);
  std::vector<std::string> Compile{"-fsyntax-only"};
  Compile.insert(Compile.end(), Case.Args.begin(), Case.Args.end());
  Compile.push_back(Copy);
  ProcessResult C = run(clangxx(), Compile);
  EXPECT_EQ(C.ExitCode, 0) << C.Err;
}

std::string caseName(const ::testing::TestParamInfo<TestCase> &Info) {
  std::string Name = Info.param.Name;
  for (char &C : Name)
    if (!isalnum(static_cast<unsigned char>(C)))
      C = '_';
  return Name;
}

INSTANTIATE_TEST_SUITE_P(AllFiles, Testdata,
                         ::testing::ValuesIn(discoverCases()), caseName);

std::vector<TestCase> casesWithFixedFiles() {
  std::vector<TestCase> Cases = discoverCases();
  Cases.erase(std::remove_if(Cases.begin(), Cases.end(),
                             [](const TestCase &C) { return C.FixedPath.empty(); }),
              Cases.end());
  return Cases;
}

INSTANTIATE_TEST_SUITE_P(AllFiles, FixedTestdata,
                         ::testing::ValuesIn(casesWithFixedFiles()), caseName);

TEST(TestdataHarness, FindsCases) {
  EXPECT_FALSE(discoverCases().empty());
  EXPECT_FALSE(casesWithFixedFiles().empty());
}

} // namespace
