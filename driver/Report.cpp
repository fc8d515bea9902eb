//===--- Report.cpp -------------------------------------------------------===//

#include "Report.h"
#include "Findings.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang::tidy;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace coro_tidy {

static const llvm::StringMap<llvm::StringRef> &descriptions() {
  static const llvm::StringMap<llvm::StringRef> Map = {
      {"coro-missing-co-await",
       "A task or awaitable is produced by a call and never co_awaited, so "
       "the coroutine never runs (or its result and failure are lost)."},
      {"coro-blocking-call",
       "A blocking call inside a coroutine, directly or through helpers, "
       "freezes every task on the event loop."},
      {"coro-nested-loop-run",
       "An event loop's blocking entry point is called from inside a "
       "coroutine: it deadlocks or re-enters the loop."},
      {"coro-lock-across-suspend",
       "A mutex lock is held across a suspension point: the coroutine may "
       "resume on another thread, or other tasks deadlock on the mutex."},
      {"coro-unhandled-gather",
       "A fail-fast combinator's failure is unhandled, or a settled result "
       "is used without checking it for an error."},
      {"coro-dangling-task",
       "A started task's handle is dropped, so its failure and lifetime are "
       "lost."},
  };
  return Map;
}

std::string fileUri(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-_.~").contains(C))
      Uri += C;
    else {
      char Buf[4];
      snprintf(Buf, sizeof(Buf), "%%%02X", static_cast<unsigned char>(C));
      Uri += Buf;
    }
  }
  return Uri;
}

/// docs/checks/<name>.md next to the installed binary, or in the source
/// tree the binary was built from.
static std::string docsPath(llvm::StringRef Check, llvm::StringRef Argv0) {
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0.str().c_str(), &Anchor);
  llvm::SmallString<256> Installed(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  std::string Name = (Check + ".md").str();
  llvm::sys::path::append(Installed, "share", "doc", "coro-tidy");
  llvm::sys::path::append(Installed, "checks", Name);
  if (llvm::sys::fs::exists(Installed))
    return std::string(Installed);
  llvm::SmallString<256> Source(CORO_TIDY_SOURCE_DIR);
  llvm::sys::path::append(Source, "docs", "checks", Name);
  return std::string(Source);
}

CheckInfo describeCheck(llvm::StringRef Check, llvm::StringRef Argv0) {
  CheckInfo Info;
  Info.Name = Check.str();
  auto It = descriptions().find(Check);
  if (It != descriptions().end())
    Info.Description = It->second.str();
  else if (Check.starts_with("clang-diagnostic-"))
    Info.Description = "Compiler diagnostic (" + Check.str() + ").";
  else
    Info.Description = Check.str();
  if (Check.starts_with("coro-"))
    Info.HelpUri = fileUri(docsPath(Check, Argv0));
  return Info;
}

static Value region(llvm::StringRef File, unsigned Offset, unsigned Length) {
  auto [Line, Column] = lineAndColumn(File, Offset);
  Object Region{{"startLine", std::max(Line, 1u)},
                {"startColumn", std::max(Column, 1u)},
                {"charOffset", Offset}};
  if (Length)
    Region["charLength"] = Length;
  return Region;
}

static Value physicalLocation(const clang::tooling::DiagnosticMessage &M) {
  return Object{
      {"physicalLocation",
       Object{{"artifactLocation", Object{{"uri", fileUri(M.FilePath)}}},
              {"region", region(M.FilePath, M.FileOffset, 0)}}}};
}

static llvm::StringRef levelOf(const ClangTidyError &E) {
  if (E.DiagLevel == ClangTidyError::Error || E.IsWarningAsError)
    return "error";
  if (E.DiagLevel == ClangTidyError::Remark)
    return "note";
  return "warning";
}

Value makeSarif(llvm::ArrayRef<ClangTidyError> Errors,
                llvm::ArrayRef<std::string> EnabledChecks,
                llvm::StringRef Argv0) {
  // Rules: every enabled check, plus compiler diagnostics that occurred.
  std::vector<std::string> RuleNames(EnabledChecks.begin(), EnabledChecks.end());
  for (const ClangTidyError &E : Errors)
    if (llvm::find(RuleNames, E.DiagnosticName) == RuleNames.end())
      RuleNames.push_back(E.DiagnosticName);
  llvm::StringMap<unsigned> RuleIndex;
  Array Rules;
  for (const std::string &Name : RuleNames) {
    CheckInfo Info = describeCheck(Name, Argv0);
    Object Rule{{"id", Name},
                {"name", Name},
                {"shortDescription", Object{{"text", Info.Description}}},
                {"fullDescription", Object{{"text", Info.Description}}}};
    if (!Info.HelpUri.empty()) {
      Rule["helpUri"] = Info.HelpUri;
      Rule["help"] = Object{{"text", "See " + Info.HelpUri}};
    }
    RuleIndex[Name] = Rules.size();
    Rules.push_back(std::move(Rule));
  }

  Array Results;
  for (const ClangTidyError &E : Errors) {
    Object Result{{"ruleId", E.DiagnosticName},
                  {"ruleIndex", RuleIndex[E.DiagnosticName]},
                  {"level", levelOf(E)},
                  {"message", Object{{"text", E.Message.Message}}}};
    if (!E.Message.FilePath.empty())
      Result["locations"] = Array{physicalLocation(E.Message)};
    Array Related;
    for (const auto &Note : E.Notes) {
      if (Note.FilePath.empty())
        continue;
      Value Location = physicalLocation(Note);
      Location.getAsObject()->try_emplace("id", Related.size());
      Location.getAsObject()->try_emplace("message",
                                          Object{{"text", Note.Message}});
      Related.push_back(std::move(Location));
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    Array Changes;
    for (const auto &Entry : E.Message.Fix) {
      Array Replacements;
      for (const auto &R : Entry.getValue())
        Replacements.push_back(Object{
            {"deletedRegion",
             region(R.getFilePath(), R.getOffset(), R.getLength())},
            {"insertedContent", Object{{"text", R.getReplacementText()}}}});
      Changes.push_back(
          Object{{"artifactLocation", Object{{"uri", fileUri(Entry.getKey())}}},
                 {"replacements", std::move(Replacements)}});
    }
    if (!Changes.empty())
      Result["fixes"] = Array{Object{
          {"description", Object{{"text", "Apply the fix-it of " +
                                              E.DiagnosticName}}},
          {"artifactChanges", std::move(Changes)}}};
    Results.push_back(std::move(Result));
  }

  Object Driver{{"name", "coro-tidy"},
                {"version", CORO_TIDY_VERSION},
                {"semanticVersion", CORO_TIDY_VERSION},
                {"informationUri",
                 fileUri(llvm::sys::path::parent_path(
                     llvm::sys::path::parent_path(docsPath("x", Argv0))))},
                {"rules", std::move(Rules)}};
  return Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Array{Object{{"tool", Object{{"driver", std::move(Driver)}}},
                            {"columnKind", "utf16CodeUnits"},
                            {"results", std::move(Results)}}}}};
}

Value makeJson(llvm::ArrayRef<ClangTidyError> Errors) {
  auto Message = [](const clang::tooling::DiagnosticMessage &M) {
    auto [Line, Column] = lineAndColumn(M.FilePath, M.FileOffset);
    return Object{{"file", M.FilePath},
                  {"line", Line},
                  {"column", Column},
                  {"message", M.Message}};
  };
  Array Findings;
  for (const ClangTidyError &E : Errors) {
    Object F = Message(E.Message);
    F["check"] = E.DiagnosticName;
    F["level"] = levelOf(E);
    Array Notes;
    for (const auto &N : E.Notes)
      Notes.push_back(Message(N));
    F["notes"] = std::move(Notes);
    Array Fixes;
    for (const auto &Entry : E.Message.Fix)
      for (const auto &R : Entry.getValue())
        Fixes.push_back(Object{{"file", R.getFilePath()},
                               {"offset", R.getOffset()},
                               {"length", R.getLength()},
                               {"text", R.getReplacementText()}});
    F["fixes"] = std::move(Fixes);
    Findings.push_back(std::move(F));
  }
  return Object{{"version", CORO_TIDY_VERSION}, {"findings", std::move(Findings)}};
}

} // namespace coro_tidy
