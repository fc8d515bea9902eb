//===--- CiFormatsTest.cpp - reports that CI services use as they are -----===//
//
// SARIF for GitHub code scanning (relative locations, public help links,
// fingerprints that survive line moves, UTF-16 columns, insertion fixes,
// linked notes, rule names), GitLab Code Quality and GitHub Actions
// annotations. The SARIF Multitool validates the SARIF in its own ctest.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"

using namespace coro_tidy::test;
using coro_tidy::test::TaskHeader;

namespace {

struct Project : TaskProject {
  Project() : TaskProject("src") {}
};

const char *const Forgotten = ForgottenAwait;

llvm::json::Value parse(const ProcessResult &R) {
  auto V = llvm::json::parse(R.Out);
  if (!V) {
    ADD_FAILURE() << llvm::toString(V.takeError()) << R.Out << R.Err;
    return nullptr;
  }
  return std::move(*V);
}

const llvm::json::Object &run0(const llvm::json::Value &Log) {
  return *Log.getAsObject()->getArray("runs")->front().getAsObject();
}

const llvm::json::Object &result0(const llvm::json::Value &Log) {
  return *run0(Log).getArray("results")->front().getAsObject();
}

std::string str(const llvm::json::Value &V) {
  std::string S;
  llvm::raw_string_ostream(S) << V;
  return S;
}

ProcessResult sarif(const Project &P, const std::string &File,
                    std::vector<std::string> Extra = {}) {
  std::vector<std::string> Args = {"--format=sarif", "--quiet",
                                   "--sarif-root=" + P.Dir.path(), File};
  Args.insert(Args.end(), Extra.begin(), Extra.end());
  return run(coroTidy(), Args);
}

TEST(Sarif, LocationsAreRelativeToTheSourceRoot) {
  Project P;
  std::string F = P.file("src/a.cpp", Forgotten);
  llvm::json::Value Log = parse(sarif(P, F));
  const llvm::json::Object &Run = run0(Log);
  EXPECT_EQ(str(*Run.get("originalUriBaseIds")),
            "{\"%SRCROOT%\":{\"uri\":\"file://" + P.Dir.path() + "/\"}}");
  std::string Location = str(*result0(Log).get("locations"));
  EXPECT_NE(Location.find("\"uri\":\"src/a.cpp\",\"uriBaseId\":\"%SRCROOT%\""),
            std::string::npos)
      << Location;
  EXPECT_EQ(Location.find("file://"), std::string::npos) << Location;
}

TEST(Sarif, HelpLinksArePublicAndConfigurable) {
  Project P;
  std::string F = P.file("src/a.cpp", Forgotten);
  llvm::json::Value Log = parse(sarif(P, F));
  std::string Rules = str(*run0(Log).getObject("tool")->getObject("driver")->get("rules"));
  EXPECT_EQ(Rules.find("file://"), std::string::npos) << Rules;
  EXPECT_NE(Rules.find("\"helpUri\":\"https://"), std::string::npos) << Rules;
  EXPECT_NE(Rules.find("\"markdown\""), std::string::npos) << Rules;
  // Rule names are readable identifiers, distinct from the ids.
  EXPECT_NE(Rules.find("\"name\":\"CoroMissingCoAwait\""), std::string::npos) << Rules;
  llvm::json::Value Custom =
      parse(sarif(P, F, {"--docs-url=https://docs.example.org/coro/"}));
  std::string CustomRules =
      str(*run0(Custom).getObject("tool")->getObject("driver")->get("rules"));
  EXPECT_NE(CustomRules.find(
                "https://docs.example.org/coro/coro-missing-co-await.md"),
            std::string::npos)
      << CustomRules;
}

TEST(Sarif, FingerprintsSurviveLineMoves) {
  Project P;
  std::string F = P.file("src/a.cpp", Forgotten);
  std::string Before = str(*result0(parse(sarif(P, F))).get("partialFingerprints"));
  P.file("src/a.cpp", std::string("// a comment\n// and another\n") + Forgotten);
  llvm::json::Value After = parse(sarif(P, F));
  EXPECT_EQ(str(*result0(After).get("partialFingerprints")), Before);
  // The line moved, the fingerprint did not.
  EXPECT_NE(str(*result0(After).get("locations")).find("\"startLine\":6"),
            std::string::npos);
}

TEST(Sarif, ColumnsAreUtf16CodeUnits) {
  Project P;
  // é (2 bytes, 1 unit), € (3 bytes, 1 unit), 😀 (4 bytes, 2 units).
  std::string F = P.file("src/a.cpp",
                         "#include \"task.h\"\nTask<int> f() { co_return; }\n"
                         "Task<> g() { /* \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 */ "
                         "f(); co_return; }\n");
  llvm::json::Value Log = parse(sarif(P, F));
  EXPECT_EQ(*run0(Log).getString("columnKind"), "utf16CodeUnits");
  std::string Location = str(*result0(Log).get("locations"));
  // Byte column 30; 4 fewer UTF-16 units before it.
  EXPECT_NE(Location.find("\"startColumn\":25"), std::string::npos) << Location;
}

TEST(Sarif, InsertionFixIsAnEmptyRegion) {
  Project P;
  std::string F = P.file("src/a.cpp", Forgotten);
  std::string Fixes = str(*result0(parse(sarif(P, F))).get("fixes"));
  EXPECT_NE(Fixes.find("\"charLength\":0"), std::string::npos) << Fixes;
  EXPECT_NE(Fixes.find("\"endColumn\":3,\"endLine\":4,\"startColumn\":3,"
                       "\"startLine\":4"),
            std::string::npos)
      << Fixes;
  EXPECT_NE(Fixes.find("\"text\":\"co_await \""), std::string::npos) << Fixes;
}

TEST(Sarif, MessagesLinkTheirNotes) {
  Project P;
  std::string F = P.file("src/a.cpp", R"cpp(#include "task.h"
#include <unistd.h>
void helper() { ::sleep(1); }
Task<> handler() {
  helper();
  co_return;
}
)cpp");
  llvm::json::Value Log = parse(sarif(P, F, {"--checks=-*,coro-blocking-call"}));
  const llvm::json::Object &Result = result0(Log);
  std::string Message = str(*Result.get("message"));
  EXPECT_NE(Message.find("([note 1](1))"), std::string::npos) << Message;
  std::string Related = str(*Result.get("relatedLocations"));
  EXPECT_NE(Related.find("\"id\":1"), std::string::npos) << Related;
}

TEST(CodeClimate, GitLabCodeQualityIssues) {
  Project P;
  std::string F = P.file("src/a.cpp", Forgotten);
  ProcessResult R = run(coroTidy(), {"--format=codeclimate", "--quiet",
                                     "--sarif-root=" + P.Dir.path(), F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  llvm::json::Value V = parse(R);
  ASSERT_TRUE(V.getAsArray());
  ASSERT_EQ(V.getAsArray()->size(), 1u) << R.Out;
  const llvm::json::Object &Issue = *V.getAsArray()->front().getAsObject();
  EXPECT_EQ(*Issue.getString("type"), "issue");
  EXPECT_EQ(*Issue.getString("check_name"), "coro-missing-co-await");
  EXPECT_EQ(Issue.getString("fingerprint")->size(), 64u);
  EXPECT_EQ(*Issue.getString("severity"), "major");
  EXPECT_EQ(*Issue.getObject("location")->getString("path"), "src/a.cpp");
  EXPECT_EQ(*Issue.getObject("location")->getObject("lines")->getInteger("begin"), 4);
}

TEST(GitHubAnnotations, OneWorkflowCommandPerFinding) {
  Project P;
  std::string F = P.file("src/a.cpp", Forgotten);
  ProcessResult R = run(coroTidy(), {"--format=github", "--quiet",
                                     "--sarif-root=" + P.Dir.path(), F});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(R.Out.rfind("::warning file=src/a.cpp,line=4,col=3,"
                        "title=coro-missing-co-await::result of coroutine",
                        0),
            0u)
      << R.Out;
  EXPECT_EQ(std::count(R.Out.begin(), R.Out.end(), '\n'), 1) << R.Out;
  ProcessResult E = run(coroTidy(), {"--format=github", "--quiet",
                                     "--warnings-as-errors=coro-*", F});
  EXPECT_EQ(E.ExitCode, 1);
  EXPECT_EQ(E.Out.rfind("::error file=", 0), 0u) << E.Out;
}

} // namespace
