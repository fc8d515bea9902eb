//===--- DriverTest.cpp - coro-tidy end to end ----------------------------===//
//
// Runs the built binary the way users do: exit codes, --fix, --export-fixes
// with clang-apply-replacements, configuration discovery, compile errors and
// bad input (one clear line, a documented exit code, never a crash).
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

const char *Clean = R"cpp(#include "task.h"
Task<int> fetch_data() { co_return; }
Task<> handler() {
  co_await fetch_data();
}
)cpp";

using Project = TaskProject;

/// One line, no stack dump, no "PLEASE submit a bug report".
void expectCleanError(const ProcessResult &R, int Code, const char *Needle) {
  EXPECT_EQ(R.ExitCode, Code) << R.Out << R.Err;
  EXPECT_NE(R.Err.find(Needle), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find("Stack dump"), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find("PLEASE"), std::string::npos) << R.Err;
  EXPECT_LE(std::count(R.Err.begin(), R.Err.end(), '\n'), 1) << R.Err;
}

TEST(Driver, WarningsAloneExitZero) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  ProcessResult R = run(coroTidy(), {F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Out.find("[coro-missing-co-await]"), std::string::npos) << R.Out;
}

TEST(Driver, WarningsAsErrorsExitOne) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  ProcessResult R = run(coroTidy(), {"--warnings-as-errors=coro-*", F});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_NE(R.Out.find("error: result of coroutine"), std::string::npos) << R.Out;
}

TEST(Driver, CleanFileIsSilent) {
  Project P;
  std::string F = P.file("a.cpp", Clean);
  ProcessResult R = run(coroTidy(), {"--quiet", F});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_EQ(R.Out, "");
}

TEST(Driver, FixInsertsCoAwaitAndTheResultCompiles) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  ProcessResult R = run(coroTidy(), {"--fix", F});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(readFile(F).find("  co_await fetch_data();"), std::string::npos)
      << readFile(F);
  ProcessResult C = run(clangxx(), {"-fsyntax-only", "-std=c++20", F});
  EXPECT_EQ(C.ExitCode, 0) << C.Err;
  // Fixed code is clean.
  EXPECT_EQ(run(coroTidy(), {"--quiet", F}).Out, "");
}

TEST(Driver, ExportedFixesApplyWithClangApplyReplacements) {
  if (!haveProgram(applyReplacements()))
    GTEST_SKIP() << "clang-apply-replacements-19 not installed";
  Project P;
  std::string F = P.file("src/a.cpp", Forgotten);
  P.file("src/task.h", TaskHeader);
  std::string Fixes = P.Dir.path() + "/fixes/a.yaml";
  llvm::sys::fs::create_directories(P.Dir.path() + "/fixes");
  ProcessResult R = run(coroTidy(), {"--export-fixes=" + Fixes, F});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(readFile(Fixes).find("ReplacementText: 'co_await '"),
            std::string::npos) << readFile(Fixes);
  EXPECT_EQ(readFile(F), Forgotten); // Exporting does not modify.
  ProcessResult A = run(applyReplacements(), {P.Dir.path() + "/fixes"});
  ASSERT_EQ(A.ExitCode, 0) << A.Err;
  EXPECT_NE(readFile(F).find("co_await fetch_data();"), std::string::npos);
}

TEST(Driver, ClangTidyFileIsDiscoveredAndItsOptionsApply) {
  Project P;
  P.file(".clang-tidy", "Checks: '-*,coro-missing-co-await'\n"
                        "CheckOptions:\n"
                        "  coro-missing-co-await.AllowCastToVoid: false\n");
  std::string F = P.file("sub/a.cpp", R"cpp(#include "../task.h"
Task<int> f() { co_return; }
Task<> g() { (void)f(); co_return; }
)cpp");
  ProcessResult R = run(coroTidy(), {F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Out.find("never awaited"), std::string::npos) << R.Out;
  // Without the file, (void) is an explicit discard.
  ProcessResult Quiet = run(coroTidy(), {"--config={}", "--quiet", F});
  EXPECT_EQ(Quiet.Out, "") << Quiet.Out;
}

TEST(Driver, DumpConfigShowsChecksAndOptions) {
  Project P;
  ProcessResult R = run(coroTidy(), {"--dump-config"}, P.Dir.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Out.find("Checks:"), std::string::npos);
  EXPECT_NE(R.Out.find("coro-*"), std::string::npos);
  EXPECT_NE(R.Out.find("coro-missing-co-await.AllowCastToVoid"), std::string::npos)
      << R.Out;
}

TEST(Driver, ListChecks) {
  ProcessResult R = run(coroTidy(), {"--list-checks"});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_NE(R.Out.find("coro-missing-co-await"), std::string::npos);
}

TEST(Driver, CompileErrorIsReportedAndOtherFilesStillChecked) {
  Project P;
  std::string Broken = P.file("broken.cpp", "int main() { return undeclared; }\n");
  std::string Good = P.file("good.cpp", Forgotten);
  ProcessResult R = run(coroTidy(), {Broken, Good});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_NE(R.Out.find("[clang-diagnostic-error]"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("good.cpp:4:3: warning"), std::string::npos) << R.Out;
  EXPECT_EQ(R.Err.find("Stack dump"), std::string::npos);
}

TEST(Driver, CompilationDatabaseIsUsedAndMissingFilesAreInterpolated) {
  Project P;
  std::string Listed = P.file("src/listed.cpp", Clean);
  std::string Unlisted = P.file("src/unlisted.cpp", Forgotten);
  P.file("src/task.h", TaskHeader);
  // The database only knows listed.cpp, and its flags are needed
  // (-DWANT_TASK) for the code to compile.
  P.file("build/compile_commands.json",
         "[{\"directory\": \"" + P.Dir.path() +
             "/src\", \"command\": \"clang++ -std=c++20 -DWANT_TASK -c "
             "listed.cpp\", \"file\": \"listed.cpp\"}]");
  std::string Needs = "#ifndef WANT_TASK\n#error flags not applied\n#endif\n";
  P.file("src/listed.cpp", Needs + Clean);
  P.file("src/unlisted.cpp", Needs + Forgotten);
  ProcessResult R = run(coroTidy(), {"-p", P.Dir.path() + "/build", Listed, Unlisted});
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  EXPECT_NE(R.Out.find("unlisted.cpp:7:3: warning"), std::string::npos) << R.Out;
}

TEST(Driver, DatabaseIsFoundAboveTheSourceFile) {
  Project P;
  P.file("compile_commands.json",
         "[{\"directory\": \"" + P.Dir.path() +
             "\", \"command\": \"clang++ -std=c++20 -DWANT_TASK -c a.cpp\", "
             "\"file\": \"a.cpp\"}]");
  std::string F = P.file("a.cpp", std::string("#ifndef WANT_TASK\n#error no db\n#endif\n") + Forgotten);
  ProcessResult R = run(coroTidy(), {F});
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  EXPECT_NE(R.Out.find("never awaited"), std::string::npos);
}

TEST(Driver, BuiltinHeadersResolve) {
  Project P;
  std::string F = P.file("intrin.cpp", R"cpp(#include <stdarg.h>
#include <x86intrin.h>
#include <stddef.h>
int f(int n, ...) { va_list ap; va_start(ap, n); va_end(ap); return _mm_popcnt_u32(n); }
)cpp");
  ProcessResult R = run(coroTidy(), {F, "--", "-std=c++20", "-msse4.2"});
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  EXPECT_EQ(R.Out.find("error"), std::string::npos) << R.Out;
}

TEST(DriverBadInput, MissingFile) {
  expectCleanError(run(coroTidy(), {"/nonexistent/x.cpp"}), 2, "no such file");
}

TEST(DriverBadInput, NoInputFiles) {
  expectCleanError(run(coroTidy(), {}), 2, "no input files");
}

TEST(DriverBadInput, UnknownOption) {
  expectCleanError(run(coroTidy(), {"--no-such-option", "x.cpp"}), 2, "error");
}

TEST(DriverBadInput, BuildDirectoryWithoutDatabase) {
  Project P;
  std::string F = P.file("a.cpp", Clean);
  expectCleanError(run(coroTidy(), {"-p", P.Dir.path(), F}), 2,
                   "no compile_commands.json");
}

TEST(DriverBadInput, NonexistentBuildDirectory) {
  Project P;
  std::string F = P.file("a.cpp", Clean);
  expectCleanError(run(coroTidy(), {"-p", P.Dir.path() + "/nope", F}), 2,
                   "does not exist");
}

TEST(DriverBadInput, MalformedDatabase) {
  Project P;
  std::string F = P.file("a.cpp", Clean);
  P.file("build/compile_commands.json", "[{\"directory\": ");
  expectCleanError(run(coroTidy(), {"-p", P.Dir.path() + "/build", F}), 2,
                   "malformed compilation database");
}

TEST(DriverBadInput, MalformedClangTidyFile) {
  Project P;
  P.file(".clang-tidy", "Checks: [unterminated\n  - : :\n");
  std::string F = P.file("a.cpp", Clean);
  expectCleanError(run(coroTidy(), {F}), 2, "malformed configuration");
}

TEST(DriverBadInput, MalformedConfigOption) {
  Project P;
  std::string F = P.file("a.cpp", Clean);
  expectCleanError(run(coroTidy(), {"--config={Checks: [", F}), 2,
                   "malformed configuration");
}

TEST(DriverBadInput, MissingConfigFile) {
  Project P;
  std::string F = P.file("a.cpp", Clean);
  expectCleanError(run(coroTidy(), {"--config-file=/nonexistent.yaml", F}), 2,
                   "cannot read --config-file");
}

TEST(DriverBadInput, UnknownCheckIsAWarningAndTheRunGoesOn) {
  Project P;
  std::string F = P.file("a.cpp", Forgotten);
  ProcessResult R = run(coroTidy(), {"--checks=coro-no-such-check", F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Err.find("matches no check"), std::string::npos) << R.Err;
  EXPECT_NE(R.Out.find("never awaited"), std::string::npos);
}

TEST(DriverBadInput, BinaryFile) {
  Project P;
  std::string F = P.file("blob.cpp", std::string("\x7f" "ELF\0\0\x01\x02", 8));
  expectCleanError(run(coroTidy(), {F}), 2, "binary file");
}

TEST(DriverBadInput, Directory) {
  Project P;
  expectCleanError(run(coroTidy(), {P.Dir.path()}), 2, "is a directory");
}

TEST(DriverBadInput, NoChecksEnabled) {
  Project P;
  std::string F = P.file("a.cpp", Clean);
  expectCleanError(run(coroTidy(), {"--checks=-*", F}), 2, "no checks enabled");
}

TEST(DriverInstall, BuiltinHeadersResolveFromAnotherPrefix) {
  TempDir Prefix;
  ProcessResult I = run(CMAKE_COMMAND, {"--install", binaryDir(), "--prefix",
                                  Prefix.path(), "--component", "Unspecified"});
  ASSERT_EQ(I.ExitCode, 0) << I.Out << I.Err;
  std::string Installed = Prefix.path() + "/bin/coro-tidy";
  ASSERT_TRUE(llvm::sys::fs::can_execute(Installed));
  ASSERT_TRUE(llvm::sys::fs::exists(Prefix.path() + "/lib/clang/19/include/stdarg.h"));
  Project P;
  std::string F = P.file("intrin.cpp", "#include <stdarg.h>\n#include <x86intrin.h>\n"
                                       "int main() { return 0; }\n");
  ProcessResult R = run(Installed, {F});
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
}

} // namespace
