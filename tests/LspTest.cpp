//===--- LspTest.cpp - coro-tidy --lsp through a scripted protocol client
//--===//
//
// Every message the server handles, cancellation, a compile error, a crash
// in a check, garbage input and a document outside the compilation
// database, all through the built binary and a client that speaks the
// protocol (tests/lsp/LspTestClient.h). No test asserts a time.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "lsp/LspTestClient.h"
#include "llvm/Support/FormatVariadic.h"
#include "gtest/gtest.h"
#include <dirent.h>
#include <fstream>
#include <signal.h>
#include <thread>

using namespace coro_tidy::test;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

std::string str(const Value &V) { return llvm::formatv("{0}", V).str(); }
std::string str(const Array &A) { return str(Value(Array(A))); }
std::string str(const Object &O) { return str(Value(Object(O))); }

const Array *diagnosticsOf(const std::optional<Value> &Publish) {
  if (!Publish)
    return nullptr;
  const Object *P = Publish->getAsObject()->getObject("params");
  return P ? P->getArray("diagnostics") : nullptr;
}

/// The diagnostics of the next publish for \p Uri (of \p Version), or an
/// empty list and a test failure.
Array diagnostics(LspClient &Client, const std::string &Uri,
                  int64_t Version = -1) {
  std::optional<Value> Publish = Client.waitForDiagnostics(Uri, Version);
  const Array *D = diagnosticsOf(Publish);
  EXPECT_TRUE(D) << "no publishDiagnostics for " << Uri << " version "
                 << Version;
  return D ? *D : Array{};
}

std::vector<std::string> codes(const Array &Diagnostics) {
  std::vector<std::string> Codes;
  for (const Value &D : Diagnostics)
    Codes.push_back(D.getAsObject()->getString("code").value_or("").str());
  return Codes;
}

Object position(int Line, int Character) {
  return Object{{"line", Line}, {"character", Character}};
}

Object range(int Line, int Character, int EndLine, int EndCharacter) {
  return Object{{"start", position(Line, Character)},
                {"end", position(EndLine, EndCharacter)}};
}

void change(LspClient &Client, const std::string &Uri, int64_t Version,
            Array Changes) {
  Client.notify(
      "textDocument/didChange",
      Object{{"textDocument", Object{{"uri", Uri}, {"version", Version}}},
             {"contentChanges", std::move(Changes)}});
}

/// ForgottenAwait (TestSupport.h) with the co_await that fixes it.
const char *Awaited = R"cpp(#include "task.h"
Task<int> fetch_data() { co_return; }
Task<> handler() {
  co_await fetch_data();
  co_return;
}
)cpp";

struct Server {
  explicit Server(const std::vector<std::string> &ExtraEnv = {},
                  const std::string &WorkDir = "")
      : Client(coroTidy(), {"--lsp"}, WorkDir, ExtraEnv) {}
  LspClient Client;
};

int64_t errorCode(const Value &Reply) {
  const Object *O = Reply.getAsObject();
  const Object *E = O ? O->getObject("error") : nullptr;
  return E ? E->getInteger("code").value_or(0) : 0;
}

TEST(Lsp, InitializeAnnouncesSyncAndCodeActionsAndShutdownExitsZero) {
  Server S;
  Value Reply = S.Client.initialize();
  const Object *Result = Reply.getAsObject()->getObject("result");
  ASSERT_TRUE(Result) << str(Reply);
  const Object *Capabilities = Result->getObject("capabilities");
  ASSERT_TRUE(Capabilities);
  EXPECT_EQ(Capabilities->getString("positionEncoding"), "utf-16");
  const Object *Sync = Capabilities->getObject("textDocumentSync");
  ASSERT_TRUE(Sync);
  EXPECT_EQ(Sync->getInteger("change"), 2); // incremental
  EXPECT_EQ(Sync->getBoolean("openClose"), true);
  EXPECT_TRUE(Sync->getObject("save"));
  EXPECT_TRUE(Capabilities->getObject("codeActionProvider"));
  EXPECT_EQ(Result->getObject("serverInfo")->getString("name"), "coro-tidy");
  Value Shutdown = S.Client.request("shutdown", nullptr);
  ASSERT_TRUE(Shutdown.getAsObject()) << str(Shutdown);
  EXPECT_TRUE(Shutdown.getAsObject()->get("result"));
  EXPECT_EQ(Shutdown.getAsObject()->get("result")->kind(), Value::Null);
  // After shutdown, requests are refused; exit ends the server with 0.
  EXPECT_EQ(errorCode(S.Client.request("textDocument/codeAction", Object{})),
            -32600);
  S.Client.notify("exit", nullptr);
  EXPECT_EQ(S.Client.waitExit(), 0);
}

TEST(Lsp, ExitWithoutShutdownExitsOne) {
  Server S;
  S.Client.initialize();
  S.Client.notify("exit", nullptr);
  EXPECT_EQ(S.Client.waitExit(), 1);
}

TEST(Lsp, ChecksTheUnsavedBufferWithPreciseRangesAndDocsLinks) {
  TaskProject P;
  // On disk the file is correct; the editor's buffer has the bug.
  std::string File = P.file("a.cpp", Awaited);
  Server S;
  S.Client.initialize();
  S.Client.open(uriOf(File), ForgottenAwait, 7);
  Array D = diagnostics(S.Client, uriOf(File), 7);
  ASSERT_EQ(D.size(), 1u) << str(D);
  const Object &Diagnostic = *D[0].getAsObject();
  EXPECT_EQ(Diagnostic.getString("code"), "coro-missing-co-await");
  EXPECT_EQ(Diagnostic.getInteger("severity"), 2);
  EXPECT_EQ(Diagnostic.getString("source"), "coro-tidy");
  EXPECT_TRUE(Diagnostic.getString("message")->contains("fetch_data"));
  EXPECT_EQ(str(*Diagnostic.get("range")), str(Value(range(3, 2, 3, 12))));
  const Object *Description = Diagnostic.getObject("codeDescription");
  ASSERT_TRUE(Description);
  EXPECT_TRUE(
      Description->getString("href")->ends_with("/coro-missing-co-await.md"))
      << str(*Description);
}

TEST(Lsp, DocsLinksFollowDocsUrl) {
  TaskProject P;
  std::string File = P.file("a.cpp", ForgottenAwait);
  LspClient Client(coroTidy(), {"--lsp", "--docs-url=https://example.org/c/"});
  Client.initialize();
  Client.open(uriOf(File), ForgottenAwait);
  Array D = diagnostics(Client, uriOf(File));
  ASSERT_EQ(D.size(), 1u);
  EXPECT_EQ(D[0].getAsObject()->getObject("codeDescription")->getString("href"),
            "https://example.org/c/coro-missing-co-await.md");
}

TEST(Lsp, IncrementalAndFullChangesInUtf16Columns) {
  TaskProject P;
  std::string File = P.file("a.cpp", Awaited);
  std::string Uri = uriOf(File);
  Server S;
  S.Client.initialize(Object{{"debounceMs", 0}});
  S.Client.open(Uri, Awaited, 1);
  EXPECT_TRUE(diagnostics(S.Client, Uri, 1).empty());
  // Remove "co_await " from line 4, then put a comment with characters of
  // two and four bytes (one and two UTF-16 units) before the call.
  change(S.Client, Uri, 2,
         Array{Object{{"range", range(3, 2, 3, 11)}, {"text", ""}},
               Object{{"range", range(3, 2, 3, 2)},
                      {"text", "/*\xC3\xA9\xF0\x9F\x98\x80*/ "}}});
  Array D = diagnostics(S.Client, Uri, 2);
  ASSERT_EQ(D.size(), 1u) << str(D);
  // "  /*" 4 units, U+00E9 one, U+1F600 two, "*/ " three: the call at 10.
  EXPECT_EQ(str(*D[0].getAsObject()->get("range")),
            str(Value(range(3, 10, 3, 20))));
  // A full-text change replaces everything.
  change(S.Client, Uri, 3, Array{Object{{"text", Awaited}}});
  EXPECT_TRUE(diagnostics(S.Client, Uri, 3).empty());
}

TEST(Lsp, CodeActionsOfferTheFixItAndNolintAndBothWork) {
  TaskProject P;
  std::string File = P.file("a.cpp", ForgottenAwait);
  std::string Uri = uriOf(File);
  Server S;
  S.Client.initialize(Object{{"debounceMs", 0}});
  S.Client.open(Uri, ForgottenAwait, 1);
  ASSERT_EQ(diagnostics(S.Client, Uri, 1).size(), 1u);
  Value Reply =
      S.Client.request("textDocument/codeAction",
                       Object{{"textDocument", Object{{"uri", Uri}}},
                              {"range", range(3, 4, 3, 4)},
                              {"context", Object{{"diagnostics", Array{}}}}});
  const Array *Actions = Reply.getAsObject()->getArray("result");
  ASSERT_TRUE(Actions) << str(Reply);
  ASSERT_EQ(Actions->size(), 2u) << str(Reply);
  // None when the client asks for other kinds only.
  Value SourceOnly =
      S.Client.request("textDocument/codeAction",
                       Object{{"textDocument", Object{{"uri", Uri}}},
                              {"range", range(3, 4, 3, 4)},
                              {"context", Object{{"diagnostics", Array{}},
                                                 {"only", Array{"source"}}}}});
  EXPECT_EQ(str(*SourceOnly.getAsObject()->get("result")), "[]");
  const Object &Fix = *(*Actions)[0].getAsObject();
  EXPECT_EQ(Fix.getString("kind"), "quickfix");
  EXPECT_EQ(Fix.getBoolean("isPreferred"), true);
  EXPECT_TRUE(Fix.getString("title")->contains("co_await")) << str(Fix);
  const Array *Edits =
      Fix.getObject("edit")->getObject("changes")->getArray(Uri);
  ASSERT_TRUE(Edits && Edits->size() == 1) << str(Fix);
  EXPECT_EQ(str((*Edits)[0]), str(Value(Object{{"newText", "co_await "},
                                               {"range", range(3, 2, 3, 2)}})));
  const Object &Nolint = *(*Actions)[1].getAsObject();
  EXPECT_TRUE(Nolint.getString("title")->contains("NOLINT"));
  const Array *NolintEdits =
      Nolint.getObject("edit")->getObject("changes")->getArray(Uri);
  ASSERT_TRUE(NolintEdits && NolintEdits->size() == 1);

  // Applying the NOLINT edit silences the finding...
  const Object &E = *(*NolintEdits)[0].getAsObject();
  change(
      S.Client, Uri, 2,
      Array{Object{{"range", *E.get("range")}, {"text", *E.get("newText")}}});
  EXPECT_TRUE(diagnostics(S.Client, Uri, 2).empty());
  // ...and so does the fix-it, on the original text.
  change(S.Client, Uri, 3, Array{Object{{"text", ForgottenAwait}}});
  ASSERT_EQ(diagnostics(S.Client, Uri, 3).size(), 1u);
  const Object &FixEdit = *(*Edits)[0].getAsObject();
  change(S.Client, Uri, 4,
         Array{Object{{"range", *FixEdit.get("range")},
                      {"text", *FixEdit.get("newText")}}});
  EXPECT_TRUE(diagnostics(S.Client, Uri, 4).empty());
  // No action away from the finding.
  Value Elsewhere = S.Client.request(
      "textDocument/codeAction", Object{{"textDocument", Object{{"uri", Uri}}},
                                        {"range", range(0, 0, 0, 0)}});
  EXPECT_EQ(str(*Elsewhere.getAsObject()->get("result")), "[]");
}

TEST(Lsp, NotesAreRelatedInformation) {
  TaskProject P;
  std::string Text =
      "#include \"task.h\"\n#include <thread>\n#include <chrono>\n"
      "void throttle() { "
      "std::this_thread::sleep_for(std::chrono::milliseconds(1)); }\n"
      "Task<> handler() {\n  throttle();\n  co_return;\n}\n";
  P.file("with-dash/task.h", TaskHeader);
  P.file("with-dash/chain.cpp", Text);
  // The client spells the URI its own way ('-' percent-encoded): locations
  // in the document use its spelling.
  std::string Uri = uriOf(P.path("with%2Ddash/chain.cpp"));
  Server S;
  S.Client.initialize();
  S.Client.open(Uri, Text);
  Array D = diagnostics(S.Client, Uri);
  ASSERT_EQ(D.size(), 1u) << str(D);
  const Object &Diagnostic = *D[0].getAsObject();
  EXPECT_EQ(Diagnostic.getString("code"), "coro-blocking-call");
  const Array *Related = Diagnostic.getArray("relatedInformation");
  ASSERT_TRUE(Related && !Related->empty()) << str(Diagnostic);
  const Object &Note = *(*Related)[0].getAsObject();
  EXPECT_TRUE(Note.getString("message")->contains("sleep_for"));
  EXPECT_EQ(Note.getObject("location")->getString("uri"), Uri);
  EXPECT_EQ(str(*Note.getObject("location")->getObject("range")->get("start")),
            str(Value(position(3, 18))));
}

TEST(Lsp, ChainsIntoOtherFilesComeFromTheProjectIndex) {
  CrossFileProject P;
  std::string Uri = uriOf(P.path("src/routes.cpp"));
  std::string Text = readFile(P.path("src/routes.cpp"));
  auto Codes = [&]() {
    LspClient Client(coroTidy(), {"--lsp", "-p", P.path("build")}, P.Dir.path());
    Client.initialize();
    Client.open(Uri, Text);
    return diagnostics(Client, Uri);
  };
  // No index yet: routes.cpp alone shows no chain.
  EXPECT_EQ(Codes().size(), 0u);
  ASSERT_EQ(P.tidy({}).ExitCode, 0);
  Array D = Codes();
  // Every `// FINDING:` of the file, with notes in the files of the steps.
  EXPECT_EQ(D.size(), 8u) << str(D);
  bool NoteInStore = false;
  for (const Value &V : D)
    if (const Array *Related = V.getAsObject()->getArray("relatedInformation"))
      for (const Value &N : *Related)
        NoteInStore |= N.getAsObject()
                           ->getObject("location")
                           ->getString("uri")
                           ->ends_with("/src/store.cpp");
  EXPECT_TRUE(NoteInStore) << str(D);
}

TEST(Lsp, SaveRechecksAndCloseClears) {
  TaskProject P;
  std::string File = P.file("a.cpp", ForgottenAwait);
  std::string Uri = uriOf(File);
  Server S;
  S.Client.initialize();
  S.Client.open(Uri, ForgottenAwait, 1);
  ASSERT_EQ(diagnostics(S.Client, Uri, 1).size(), 1u);
  // A configuration saved next to the file applies from the next check.
  P.file(".clang-tidy", "Checks: '-coro-missing-co-await'\n");
  S.Client.notify("textDocument/didSave",
                  Object{{"textDocument", Object{{"uri", Uri}}}});
  EXPECT_TRUE(diagnostics(S.Client, Uri, 1).empty());
  S.Client.notify("textDocument/didClose",
                  Object{{"textDocument", Object{{"uri", Uri}}}});
  EXPECT_TRUE(diagnostics(S.Client, Uri).empty());
  // The document is gone: requests for it are errors.
  Value Reply = S.Client.request("textDocument/codeAction",
                                 Object{{"textDocument", Object{{"uri", Uri}}},
                                        {"range", range(3, 2, 3, 2)}});
  EXPECT_EQ(errorCode(Reply), -32602) << str(Reply);
}

TEST(Lsp, TheFoldersClangTidyConfigurationApplies) {
  TaskProject P;
  P.file("quiet/.clang-tidy", "Checks: '-*,coro-blocking-call'\n");
  P.file("quiet/task.h", TaskHeader);
  std::string Quiet = P.file("quiet/a.cpp", ForgottenAwait);
  std::string Loud = P.file("loud.cpp", ForgottenAwait);
  Server S;
  S.Client.initialize();
  S.Client.open(uriOf(Quiet), ForgottenAwait);
  S.Client.open(uriOf(Loud), ForgottenAwait);
  EXPECT_TRUE(diagnostics(S.Client, uriOf(Quiet)).empty());
  EXPECT_EQ(diagnostics(S.Client, uriOf(Loud)).size(), 1u);
}

TEST(Lsp, RecheckBelowTheIncludesReusesThePreamble) {
  TaskProject P;
  std::string File = P.file("a.cpp", ForgottenAwait);
  std::string Uri = uriOf(File);
  Server S;
  S.Client.initialize(Object{{"debounceMs", 0}});
  S.Client.open(Uri, ForgottenAwait, 1);
  ASSERT_TRUE(S.Client.waitForLog("version 1 in"));
  // An edit in a function body: the preamble (the #include) is reused.
  change(
      S.Client, Uri, 2,
      Array{Object{{"range", range(4, 0, 4, 0)}, {"text", "  int x = 0;\n"}}});
  std::optional<Value> Log = S.Client.waitForLog("version 2 in");
  ASSERT_TRUE(Log);
  EXPECT_TRUE(str(*Log).find("preamble reused") != std::string::npos)
      << str(*Log);
  EXPECT_EQ(diagnostics(S.Client, Uri, 2).size(), 1u);
  // An edit of the includes builds a new one.
  change(S.Client, Uri, 3,
         Array{Object{{"range", range(0, 0, 0, 0)},
                      {"text", "#include <utility>\n"}}});
  Log = S.Client.waitForLog("version 3 in");
  ASSERT_TRUE(Log);
  EXPECT_TRUE(str(*Log).find("preamble built") != std::string::npos)
      << str(*Log);
  Array D = diagnostics(S.Client, Uri, 3);
  ASSERT_EQ(D.size(), 1u);
  EXPECT_EQ(
      D[0].getAsObject()->getObject("range")->getObject("start")->getInteger(
          "line"),
      4);
}

TEST(Lsp, APreambleThatDoesNotCompileIsNotRebuiltUntilASave) {
  TaskProject P;
  std::string Text = "#include \"missing.h\"\n" + std::string(ForgottenAwait);
  std::string File = P.file("a.cpp", Text);
  std::string Uri = uriOf(File);
  Server S;
  S.Client.initialize(Object{{"debounceMs", 0}});
  S.Client.open(Uri, Text, 1);
  // A missing header is a fatal error: nothing after it is checked.
  EXPECT_EQ(codes(diagnostics(S.Client, Uri, 1)),
            std::vector<std::string>{"clang-diagnostic-error"});
  ASSERT_TRUE(S.Client.waitForLog("version 1 in"));
  change(
      S.Client, Uri, 2,
      Array{Object{{"range", range(5, 0, 5, 0)}, {"text", "  int x = 0;\n"}}});
  std::optional<Value> Log = S.Client.waitForLog("version 2 in");
  ASSERT_TRUE(Log);
  EXPECT_NE(str(*Log).find("not rebuilt"), std::string::npos) << str(*Log);
  EXPECT_EQ(codes(diagnostics(S.Client, Uri, 2)),
            std::vector<std::string>{"clang-diagnostic-error"});
  // The header appears and a save says so: the preamble is built, the
  // file compiles.
  P.file("missing.h", "#pragma once\n");
  S.Client.notify("textDocument/didSave",
                  Object{{"textDocument", Object{{"uri", Uri}}}});
  Log = S.Client.waitForLog("version 2 in");
  ASSERT_TRUE(Log);
  EXPECT_NE(str(*Log).find("preamble built"), std::string::npos) << str(*Log);
  EXPECT_EQ(codes(diagnostics(S.Client, Uri, 2)),
            std::vector<std::string>{"coro-missing-co-await"});
}

TEST(Lsp, OtherOpenDocumentsAreReadAsTheEditorHasThem) {
  TaskProject P;
  // On disk fetch() is a coroutine; in the editor's unsaved buffer it
  // returns an int, so calling it without co_await is no finding. Both
  // texts have the same size: only their content tells them apart.
  const char *OnDisk =
      "#pragma once\n#include \"task.h\"\nTask<int> fetch();\n";
  const char *Edited =
      "#pragma once\n#include \"task.h\"\nint fetch(); //  x\n";
  std::string Api = P.file("api.h", OnDisk);
  std::string Text =
      "#include \"api.h\"\nTask<> handler() {\n  fetch();\n  co_return;\n}\n";
  std::string File = P.file("a.cpp", Text);
  Server S;
  S.Client.initialize(Object{{"debounceMs", 0}});
  S.Client.open(uriOf(File), Text, 1);
  EXPECT_EQ(diagnostics(S.Client, uriOf(File), 1).size(), 1u);
  S.Client.open(uriOf(Api), OnDisk, 1);
  change(S.Client, uriOf(Api), 2, Array{Object{{"text", Edited}}});
  // The next check of a.cpp (a body edit: the preamble must still not be
  // the one of the header on disk).
  change(
      S.Client, uriOf(File), 2,
      Array{Object{{"range", range(3, 0, 3, 0)}, {"text", "  int x = 0;\n"}}});
  EXPECT_TRUE(diagnostics(S.Client, uriOf(File), 2).empty());
  // Back to the disk's text: the finding again.
  change(S.Client, uriOf(Api), 3, Array{Object{{"text", OnDisk}}});
  change(
      S.Client, uriOf(File), 3,
      Array{Object{{"range", range(3, 0, 3, 0)}, {"text", "  int y = 0;\n"}}});
  EXPECT_EQ(diagnostics(S.Client, uriOf(File), 3).size(), 1u);
}

TEST(Lsp, EditingAnOpenHeaderRechecksTheDocumentsIncludingIt) {
  TaskProject P;
  const char *OnDisk =
      "#pragma once\n#include \"task.h\"\nTask<int> fetch();\n";
  const char *Edited = "#pragma once\n#include \"task.h\"\nint fetch();\n";
  std::string Api = P.file("api.h", OnDisk);
  std::string Text =
      "#include \"api.h\"\nTask<> handler() {\n  fetch();\n  co_return;\n}\n";
  std::string File = P.file("a.cpp", Text);
  std::string Other = P.file("b.cpp", ForgottenAwait);
  Server S;
  S.Client.initialize(Object{{"debounceMs", 0}});
  S.Client.open(uriOf(File), Text, 1);
  S.Client.open(uriOf(Other), ForgottenAwait, 1);
  EXPECT_EQ(diagnostics(S.Client, uriOf(File), 1).size(), 1u);
  EXPECT_EQ(diagnostics(S.Client, uriOf(Other), 1).size(), 1u);
  S.Client.open(uriOf(Api), OnDisk, 1);
  // Only the header is edited: a.cpp, which includes it, is checked again
  // (still version 1); b.cpp, which does not, is not.
  change(S.Client, uriOf(Api), 2, Array{Object{{"text", Edited}}});
  EXPECT_TRUE(diagnostics(S.Client, uriOf(File), 1).empty());
  change(S.Client, uriOf(Api), 3, Array{Object{{"text", OnDisk}}});
  EXPECT_EQ(diagnostics(S.Client, uriOf(File), 1).size(), 1u);
  EXPECT_FALSE(S.Client.waitFor(
      [&](const Object &M) {
        const Object *Params = M.getObject("params");
        return M.getString("method") == "textDocument/publishDiagnostics" &&
               Params && Params->getString("uri") == uriOf(Other);
      },
      /*TimeoutSeconds=*/2));
}

TEST(Lsp, AStaleCheckIsCancelledAndItsVersionNeverPublished) {
  TaskProject P;
  std::string File = P.file("a.cpp", Awaited);
  std::string Uri = uriOf(File);
  // Each check waits 5 s before it starts: long enough to be overtaken.
  Server S({"CORO_TIDY_TEST_CHECK_DELAY_MS=5000"});
  S.Client.initialize(Object{{"debounceMs", 0}});
  S.Client.open(Uri, Awaited, 1);
  ASSERT_TRUE(S.Client.waitForLog("checking " + File + " version 1"));
  change(S.Client, Uri, 2, Array{Object{{"text", ForgottenAwait}}});
  EXPECT_TRUE(S.Client.waitForLog("version 1 cancelled"));
  Array D = diagnostics(S.Client, Uri, 2);
  EXPECT_EQ(D.size(), 1u);
  // Nothing was ever published for version 1.
  for (const Value &M : S.Client.received())
    if (const Object *O = M.getAsObject();
        O && O->getString("method") == "textDocument/publishDiagnostics")
      EXPECT_NE(O->getObject("params")->getInteger("version"), 1) << str(M);
}

TEST(Lsp, EditsWhileTypingAreDebouncedIntoOneCheck) {
  TaskProject P;
  std::string File = P.file("a.cpp", Awaited);
  std::string Uri = uriOf(File);
  Server S;
  // A long debounce: the three edits below come well within it.
  S.Client.initialize(Object{{"debounceMs", 3000}});
  S.Client.open(Uri, Awaited, 1);
  EXPECT_TRUE(diagnostics(S.Client, Uri, 1).empty());
  for (int V = 2; V <= 4; ++V)
    change(S.Client, Uri, V,
           Array{Object{{"text", V == 4 ? ForgottenAwait : Awaited}}});
  EXPECT_EQ(diagnostics(S.Client, Uri, 4).size(), 1u);
  for (const Value &M : S.Client.received())
    if (const Object *O = M.getAsObject();
        O && O->getString("method") == "window/logMessage")
      for (const char *Skipped : {"version 2", "version 3"})
        EXPECT_FALSE(O->getObject("params")->getString("message")->contains(
            std::string("checking ") + File + " " + Skipped))
            << str(M);
}

TEST(Lsp, ACompileErrorIsOneNoteAndFindingsStillCome) {
  TaskProject P;
  std::string Text = std::string(ForgottenAwait) + "int broken( {\n";
  std::string File = P.file("broken.cpp", Text);
  Server S;
  S.Client.initialize();
  S.Client.open(uriOf(File), Text);
  Array D = diagnostics(S.Client, uriOf(File));
  std::vector<std::string> Codes = codes(D);
  EXPECT_EQ(Codes, (std::vector<std::string>{"coro-missing-co-await",
                                             "clang-diagnostic-error"}))
      << str(D);
  // The server goes on.
  std::string Good = P.file("good.cpp", ForgottenAwait);
  S.Client.open(uriOf(Good), ForgottenAwait);
  EXPECT_EQ(diagnostics(S.Client, uriOf(Good)).size(), 1u);
}

TEST(Lsp, ACrashInACheckIsReportedAndTheServerGoesOn) {
  TaskProject P;
  std::string Crashing = P.file("crashing.cpp", ForgottenAwait);
  std::string Good = P.file("good.cpp", ForgottenAwait);
  Server S({"CORO_TIDY_TEST_CRASH_UNIT=crashing.cpp"});
  S.Client.initialize(Object{{"debounceMs", 0}});
  S.Client.open(uriOf(Crashing), ForgottenAwait, 1);
  Array D = diagnostics(S.Client, uriOf(Crashing), 1);
  ASSERT_EQ(codes(D), std::vector<std::string>{"coro-tidy-internal-error"})
      << str(D);
  EXPECT_TRUE(D[0].getAsObject()->getString("message")->contains("crashed"));
  S.Client.open(uriOf(Good), ForgottenAwait);
  EXPECT_EQ(diagnostics(S.Client, uriOf(Good)).size(), 1u);
  // The crashing document is still served: another edit is checked again.
  change(S.Client, uriOf(Crashing), 2, Array{Object{{"text", Awaited}}});
  EXPECT_EQ(codes(diagnostics(S.Client, uriOf(Crashing), 2)),
            std::vector<std::string>{"coro-tidy-internal-error"});
  Value Shutdown = S.Client.request("shutdown", nullptr);
  EXPECT_TRUE(Shutdown.getAsObject() && Shutdown.getAsObject()->get("result"));
  S.Client.notify("exit", nullptr);
  EXPECT_EQ(S.Client.waitExit(), 0);
}

TEST(Lsp, GarbageGetsProtocolErrorsNeverACrash) {
  Server S;
  // Requests before initialize.
  EXPECT_EQ(errorCode(S.Client.request("textDocument/codeAction", Object{})),
            -32002);
  auto NextError = [&]() -> int64_t {
    auto Reply = S.Client.waitFor(
        [](const Object &M) { return M.get("error") != nullptr; });
    return Reply ? errorCode(*Reply) : 0;
  };
  S.Client.sendRaw("Content-Length: 5\r\n\r\nhello");
  EXPECT_EQ(NextError(), -32700);
  S.Client.sendRaw("Content-Length: 3\r\n\r\n[1]");
  EXPECT_EQ(NextError(), -32600);
  S.Client.sendRaw("Content-Type: text/plain\r\n\r\n");
  EXPECT_EQ(NextError(), -32700);
  S.Client.send(Object{{"id", 7}, {"params", Object{}}});
  EXPECT_EQ(NextError(), -32600);
  S.Client.send(Object{{"id", Object{}}, {"method", "initialize"}});
  EXPECT_EQ(NextError(), -32600);
  S.Client.initialize();
  EXPECT_EQ(errorCode(S.Client.request("initialize", Object{})), -32600);
  EXPECT_EQ(errorCode(S.Client.request("textDocument/hover", Object{})),
            -32601);
  EXPECT_EQ(errorCode(S.Client.request("textDocument/codeAction", Array{1})),
            -32602);
  EXPECT_EQ(errorCode(S.Client.request("textDocument/codeAction", Object{})),
            -32602);
  EXPECT_EQ(errorCode(S.Client.request(
                "textDocument/codeAction",
                Object{{"textDocument", Object{{"uri", "file:///nowhere.cpp"}}},
                       {"range", range(0, 0, 0, 0)}})),
            -32602);
  // Notifications that cannot be answered are logged and dropped.
  change(S.Client, "file:///nowhere.cpp", 2, Array{Object{{"text", ""}}});
  EXPECT_TRUE(S.Client.waitForLog("not open"));
  S.Client.notify("textDocument/didOpen", Object{{"textDocument", 3}});
  EXPECT_TRUE(S.Client.waitForLog("didOpen needs"));
  // A change with a range past the end is refused, the server stays up.
  TaskProject P;
  std::string File = P.file("a.cpp", ForgottenAwait);
  S.Client.open(uriOf(File), ForgottenAwait);
  EXPECT_EQ(diagnostics(S.Client, uriOf(File)).size(), 1u);
  change(S.Client, uriOf(File), 5,
         Array{Object{{"range", range(90, 0, 91, 0)}, {"text", "x"}}});
  EXPECT_TRUE(S.Client.waitForLog("past the end"));
  Value Shutdown = S.Client.request("shutdown", nullptr);
  EXPECT_TRUE(Shutdown.getAsObject() && Shutdown.getAsObject()->get("result"))
      << str(Shutdown);
}

TEST(Lsp, DeterministicNoiseNeverCrashesTheServer) {
  Server S;
  S.Client.initialize();
  // Frames with bodies cut from a real message at every length, mutated
  // bytes, and methods given the wrong params: the server answers or
  // ignores each, and is still there at the end.
  std::string Real =
      R"({"jsonrpc":"2.0","id":9,"method":"textDocument/codeAction",)"
      R"("params":{"textDocument":{"uri":"file:///x.cpp"},)"
      R"("range":{"start":{"line":0,"character":0},)"
      R"("end":{"line":0,"character":0}}}})";
  uint32_t Seed = 12345;
  auto Next = [&] { return Seed = Seed * 1103515245u + 12345u; };
  for (size_t Cut = 0; Cut <= Real.size(); Cut += 3) {
    std::string Body = Real.substr(0, Cut);
    if (!Body.empty() && Next() % 2)
      Body[Next() % Body.size()] = static_cast<char>(Next() % 256);
    S.Client.sendRaw("Content-Length: " + std::to_string(Body.size()) +
                     "\r\n\r\n" + Body);
  }
  for (const char *Method : {"textDocument/didOpen", "textDocument/didChange",
                             "textDocument/didSave", "textDocument/didClose",
                             "initialized", "$/cancelRequest"})
    for (const Value &Params :
         {Value(nullptr), Value(3), Value(Array{}),
          Value(Object{{"textDocument", 1}}),
          Value(Object{{"textDocument", Object{{"uri", 1}, {"text", Array{}}}},
                       {"contentChanges", Object{}}})})
      S.Client.notify(Method, Params);
  Value Shutdown = S.Client.request("shutdown", nullptr);
  ASSERT_TRUE(Shutdown.getAsObject()) << str(Shutdown);
  EXPECT_TRUE(Shutdown.getAsObject()->get("result")) << str(Shutdown);
  S.Client.notify("exit", nullptr);
  EXPECT_EQ(S.Client.waitExit(), 0);
}

TEST(Lsp, DocumentsOutsideTheDatabaseGetNeighboursFlags) {
  // task.h is found only through the database's -I: a file missing from
  // the database gets its neighbour's flags, as on the command line.
  TempDir Dir;
  Dir.write("include/task.h", TaskHeader);
  std::string In = Dir.write("src/in.cpp", ForgottenAwait);
  std::string Out = Dir.write("src/out.cpp", ForgottenAwait);
  Dir.write("compile_commands.json",
            "[{\"directory\": \"" + Dir.path() +
                "/src\", \"arguments\": "
                "[\"clang++\", \"-std=c++20\", \"-I../include\", \"-c\", "
                "\"in.cpp\"], "
                "\"file\": \"in.cpp\"}]");
  Server S;
  S.Client.initialize();
  S.Client.open(uriOf(Out), ForgottenAwait);
  Array D = diagnostics(S.Client, uriOf(Out));
  EXPECT_EQ(codes(D), std::vector<std::string>{"coro-missing-co-await"})
      << str(D);
  EXPECT_TRUE(S.Client.waitForLog("compile_commands.json above"));
  // Without a database, the embedded default (-std=c++20) applies.
  TaskProject Bare;
  std::string Lone = Bare.file("lone.cpp", ForgottenAwait);
  S.Client.open(uriOf(Lone), ForgottenAwait);
  EXPECT_EQ(diagnostics(S.Client, uriOf(Lone)).size(), 1u);
  EXPECT_TRUE(S.Client.waitForLog("default flags (-std=c++20)"));
}

TEST(Lsp, ABrokenDatabaseOrConfigurationIsADiagnosticNotACrash) {
  TempDir Dir;
  Dir.write("task.h", TaskHeader);
  std::string File = Dir.write("a.cpp", ForgottenAwait);
  Dir.write("compile_commands.json", "[{\"file\": 3}]");
  Server S;
  S.Client.initialize();
  S.Client.open(uriOf(File), ForgottenAwait);
  Array D = diagnostics(S.Client, uriOf(File));
  ASSERT_EQ(codes(D), std::vector<std::string>{"coro-tidy-setup"});
  EXPECT_TRUE(D[0].getAsObject()->getString("message")->contains(
      "malformed compilation database"));
  // Fixed on disk: the next edit finds it.
  Dir.write("compile_commands.json",
            "[{\"directory\": \"" + Dir.path() +
                "\", \"file\": \"a.cpp\", \"arguments\": [\"clang++\", "
                "\"-std=c++20\", \"-c\", \"a.cpp\"]}]");
  change(S.Client, uriOf(File), 2, Array{Object{{"text", ForgottenAwait}}});
  EXPECT_EQ(codes(diagnostics(S.Client, uriOf(File), 2)),
            std::vector<std::string>{"coro-missing-co-await"});
  TaskProject P;
  P.file(".clang-tidy", "Checks: [unterminated\n");
  std::string Configured = P.file("b.cpp", ForgottenAwait);
  S.Client.open(uriOf(Configured), ForgottenAwait);
  EXPECT_EQ(codes(diagnostics(S.Client, uriOf(Configured))),
            std::vector<std::string>{"coro-tidy-config"});
}

TEST(Lsp, AHeaderOpenedAloneIsCheckedAsCxx) {
  TaskProject P;
  std::string Header = P.file("inline_handlers.h", ForgottenAwait);
  Server S;
  S.Client.initialize();
  S.Client.open(uriOf(Header), ForgottenAwait);
  EXPECT_EQ(codes(diagnostics(S.Client, uriOf(Header))),
            std::vector<std::string>{"coro-missing-co-await"});
}

TEST(Lsp, AtMostMaxWorkersAndAStoppedOneComesBack) {
  TaskProject P;
  std::string A = P.file("a.cpp", ForgottenAwait);
  std::string B = P.file("b.cpp", ForgottenAwait);
  Server S;
  S.Client.initialize(Object{{"debounceMs", 0}, {"maxWorkers", 1}});
  S.Client.open(uriOf(A), ForgottenAwait, 1);
  EXPECT_EQ(diagnostics(S.Client, uriOf(A), 1).size(), 1u);
  S.Client.open(uriOf(B), ForgottenAwait, 1);
  EXPECT_EQ(diagnostics(S.Client, uriOf(B), 1).size(), 1u);
  EXPECT_TRUE(S.Client.waitForLog("stopping the worker of " + A));
  change(S.Client, uriOf(A), 2, Array{Object{{"text", Awaited}}});
  EXPECT_TRUE(diagnostics(S.Client, uriOf(A), 2).empty());
}

TEST(Lsp, AWorkerThatDiesIsReportedAndReplaced) {
  TaskProject P;
  std::string Dying = P.file("dying.cpp", ForgottenAwait);
  std::string Good = P.file("good.cpp", ForgottenAwait);
  // The worker itself crashes (as clang crashing on a header while it
  // builds the preamble would), not a check's child.
  Server S({"CORO_TIDY_TEST_CRASH_PREAMBLE=dying.cpp"});
  S.Client.initialize(Object{{"debounceMs", 0}});
  S.Client.open(uriOf(Dying), ForgottenAwait, 1);
  Array D = diagnostics(S.Client, uriOf(Dying), 1);
  ASSERT_EQ(codes(D), std::vector<std::string>{"coro-tidy-internal-error"})
      << str(D);
  EXPECT_TRUE(D[0].getAsObject()->getString("message")->contains("signal 11"))
      << str(D);
  // A new worker serves the next version; other documents never noticed.
  change(S.Client, uriOf(Dying), 2, Array{Object{{"text", Awaited}}});
  EXPECT_EQ(codes(diagnostics(S.Client, uriOf(Dying), 2)),
            std::vector<std::string>{"coro-tidy-internal-error"});
  S.Client.open(uriOf(Good), ForgottenAwait);
  EXPECT_EQ(diagnostics(S.Client, uriOf(Good)).size(), 1u);
}

TEST(Lsp, ACheckOverTheTimeLimitIsStopped) {
  TaskProject P;
  std::string File = P.file("slow.cpp", ForgottenAwait);
  Server S({"CORO_TIDY_TEST_CHECK_DELAY_MS=60000"});
  S.Client.initialize(Object{{"debounceMs", 0}, {"checkTimeoutSeconds", 1}});
  S.Client.open(uriOf(File), ForgottenAwait, 1);
  Array D = diagnostics(S.Client, uriOf(File), 1);
  ASSERT_EQ(codes(D), std::vector<std::string>{"coro-tidy-internal-error"})
      << str(D);
  EXPECT_TRUE(
      D[0].getAsObject()->getString("message")->contains("longer than 1 s"))
      << str(D);
}

/// The processes descended from \p Root (read from /proc).
std::vector<int> descendants(int Root) {
  std::vector<std::pair<int, int>> Parents; // pid, parent
  if (DIR *Proc = opendir("/proc")) {
    while (dirent *E = readdir(Proc)) {
      int Pid = atoi(E->d_name);
      if (Pid <= 0)
        continue;
      std::ifstream Stat("/proc/" + std::string(E->d_name) + "/stat");
      std::string Line;
      std::getline(Stat, Line);
      size_t Close = Line.rfind(')');
      if (Close == std::string::npos)
        continue;
      char State;
      int Parent = 0;
      if (sscanf(Line.c_str() + Close + 1, " %c %d", &State, &Parent) == 2)
        Parents.push_back({Pid, Parent});
    }
    closedir(Proc);
  }
  std::vector<int> Found{Root};
  for (size_t I = 0; I < Found.size(); ++I)
    for (auto [Pid, Parent] : Parents)
      if (Parent == Found[I])
        Found.push_back(Pid);
  Found.erase(Found.begin());
  return Found;
}

bool alive(int Pid) {
  std::ifstream Stat("/proc/" + std::to_string(Pid) + "/stat");
  std::string Line;
  std::getline(Stat, Line);
  size_t Close = Line.rfind(')');
  return Close != std::string::npos && Line.size() > Close + 2 &&
         Line[Close + 2] != 'Z';
}

TEST(Lsp, ClosingADocumentStopsItsWorkerAndRunningCheck) {
  TaskProject P;
  std::string File = P.file("a.cpp", ForgottenAwait);
  Server S({"CORO_TIDY_TEST_CHECK_DELAY_MS=60000"});
  S.Client.initialize(Object{{"debounceMs", 0}});
  S.Client.open(uriOf(File), ForgottenAwait);
  ASSERT_TRUE(S.Client.waitForLog("checking " + File));
  // The worker and the check's child it forked.
  std::vector<int> Processes;
  for (int I = 0; I < 100 && Processes.size() < 2; ++I) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    Processes = descendants(S.Client.pid());
  }
  ASSERT_GE(Processes.size(), 2u);
  S.Client.notify("textDocument/didClose",
                  Object{{"textDocument", Object{{"uri", uriOf(File)}}}});
  EXPECT_TRUE(diagnostics(S.Client, uriOf(File)).empty());
  bool AllGone = false;
  for (int I = 0; I < 200 && !AllGone; ++I) {
    AllGone = llvm::none_of(Processes, alive);
    if (!AllGone)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(AllGone) << "a worker or its check outlived didClose";
  for (int Pid : Processes)
    kill(Pid, SIGKILL);
}

} // namespace
