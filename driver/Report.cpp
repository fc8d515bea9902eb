//===--- Report.cpp -------------------------------------------------------===//

#include "Report.h"
#include "ChainGroups.h"
#include "Findings.h"
#include "ResultCache.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang::tidy;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace coro_tidy {

/// Each coro check's description for reports: its summary in the check
/// registry, as a sentence.
static const llvm::StringMap<std::string> &descriptions() {
  static const llvm::StringMap<std::string> Map = [] {
    llvm::StringMap<std::string> M;
    auto Sentence = [](llvm::StringRef Summary) {
      std::string S = Summary.str();
      if (!S.empty())
        S[0] = llvm::toUpper(S[0]);
      return S + ".";
    };
#define CORO_CHECK(Name, Class, DocsPage, Summary) M[Name] = Sentence(Summary);
#include "CheckRegistry.def"
    return M;
  }();
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

/// Percent-encodes what a relative URI reference may not contain.
static std::string relativeUri(llvm::StringRef Path) {
  std::string Uri = fileUri(Path);
  return Uri.substr(strlen("file://"));
}

std::string defaultDocsBaseUrl() { return CORO_TIDY_DOCS_URL; }

/// `coro-blocking-call` -> `CoroBlockingCall`: SARIF wants a rule's name to
/// be a readable identifier distinct from its id.
static std::string displayName(llvm::StringRef Check) {
  std::string Name;
  bool Upper = true;
  for (char C : Check) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Name += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Name;
}

CheckInfo describeCheck(llvm::StringRef Check, const ReportOptions &Options) {
  CheckInfo Info;
  Info.Name = Check.str();
  Info.DisplayName = displayName(Check);
  auto It = descriptions().find(Check);
  if (It != descriptions().end())
    Info.Description = It->second;
  else if (Check.starts_with("clang-diagnostic-"))
    Info.Description = "Compiler diagnostic (" + Check.str() + ").";
  else
    Info.Description = Check.str() + ".";
  if (Check.starts_with("coro-")) {
    std::string Base = Options.DocsBaseUrl.empty() ? defaultDocsBaseUrl()
                                                   : Options.DocsBaseUrl;
    while (!Base.empty() && Base.back() == '/')
      Base.pop_back();
    Info.HelpUri = Base + "/" + Check.str() + ".md";
  }
  return Info;
}

/// \p Path relative to \p Root, if it is under it.
static std::optional<std::string> underRoot(llvm::StringRef Path,
                                            llvm::StringRef Root) {
  if (Root.empty() || !Path.starts_with(Root))
    return std::nullopt;
  llvm::StringRef Rest = Path.drop_front(Root.size());
  if (!Rest.consume_front("/"))
    return std::nullopt;
  return Rest.str();
}

/// The path a CI service shows: relative to the source root when under it.
static std::string displayPath(llvm::StringRef Path,
                               const ReportOptions &Options) {
  if (auto Relative = underRoot(Path, Options.SourceRoot))
    return *Relative;
  return Path.str();
}

static Value artifactLocation(llvm::StringRef Path,
                              const ReportOptions &Options) {
  if (auto Relative = underRoot(Path, Options.SourceRoot))
    return Object{{"uri", relativeUri(*Relative)}, {"uriBaseId", "%SRCROOT%"}};
  return Object{{"uri", fileUri(Path)}};
}

/// A SARIF region; \p Length 0 is an insertion point (an empty region with
/// its end equal to its start, not "to the end of the line").
static Value region(SourcePositions &Positions, llvm::StringRef File,
                    unsigned Offset, std::optional<unsigned> Length) {
  Position Start = Positions.at(File, Offset);
  Object Region{{"startLine", std::max(Start.Line, 1u)},
                {"startColumn", std::max(Start.Utf16Column, 1u)}};
  if (Length) {
    Position End = Positions.at(File, Offset + *Length);
    Region["endLine"] = std::max(End.Line, 1u);
    Region["endColumn"] = std::max(End.Utf16Column, 1u);
    Region["charOffset"] = Offset;
    Region["charLength"] = *Length;
  }
  return Region;
}

static Value physicalLocation(const clang::tooling::DiagnosticMessage &M,
                              const ReportOptions &Options,
                              SourcePositions &Positions) {
  return Object{
      {"physicalLocation",
       Object{{"artifactLocation", artifactLocation(M.FilePath, Options)},
              {"region",
               region(Positions, M.FilePath, M.FileOffset, std::nullopt)}}}};
}

static llvm::StringRef levelOf(const ClangTidyError &E) {
  if (E.DiagLevel == ClangTidyError::Error || E.IsWarningAsError)
    return "error";
  if (E.DiagLevel == ClangTidyError::Remark)
    return "note";
  return "warning";
}

/// SARIF message text is markdown-like: brackets would start links.
static std::string escapeMessage(llvm::StringRef Text) {
  std::string Escaped;
  for (char C : Text) {
    if (C == '[' || C == ']' || C == '\\')
      Escaped += '\\';
    Escaped += C;
  }
  return Escaped;
}

/// Identifies a finding across runs without its line number, so that an
/// alert survives code moving above it: the check, the file, the text of
/// the flagged line, and which occurrence of that triple it is.
class Fingerprints {
public:
  std::string of(const ClangTidyError &E, const ReportOptions &Options,
                 SourcePositions &Positions) {
    Position P = Positions.at(E.Message.FilePath, E.Message.FileOffset);
    std::string Material = E.DiagnosticName + "\n" +
                           displayPath(E.Message.FilePath, Options) + "\n" +
                           P.LineText.trim().str() + "\n" +
                           withoutSiteCount(E.Message.Message).str();
    std::string Hash = sha256Hex(Material).substr(0, 32);
    unsigned Occurrence = ++Seen[Hash];
    return Hash + ":" + std::to_string(Occurrence);
  }

private:
  llvm::StringMap<unsigned> Seen;
};

Value makeSarif(llvm::ArrayRef<ClangTidyError> Errors,
                const ReportOptions &Options, SourcePositions &Positions) {
  // Rules: every enabled check, plus compiler diagnostics that occurred.
  std::vector<std::string> RuleNames(Options.EnabledChecks.begin(),
                                     Options.EnabledChecks.end());
  for (const ClangTidyError &E : Errors)
    if (llvm::find(RuleNames, E.DiagnosticName) == RuleNames.end())
      RuleNames.push_back(E.DiagnosticName);
  llvm::StringMap<unsigned> RuleIndex;
  Array Rules;
  for (const std::string &Name : RuleNames) {
    CheckInfo Info = describeCheck(Name, Options);
    Object Rule{{"id", Name},
                {"name", Info.DisplayName},
                {"shortDescription", Object{{"text", Info.Description}}},
                {"fullDescription", Object{{"text", Info.Description}}},
                {"defaultConfiguration", Object{{"level", "warning"}}}};
    if (!Info.HelpUri.empty()) {
      Rule["helpUri"] = Info.HelpUri;
      Rule["help"] = Object{
          {"text", Info.Description + " See " + Info.HelpUri},
          {"markdown", Info.Description + "\n\nSee [" + Name + "](" +
                           Info.HelpUri + ") for the wrong and the right "
                                          "code, options and suppression."}};
    }
    RuleIndex[Name] = Rules.size();
    Rules.push_back(std::move(Rule));
  }

  Fingerprints Prints;
  Array Results;
  for (const ClangTidyError &E : Errors) {
    Array Related;
    std::string Links;
    for (const auto &Note : E.Notes) {
      if (Note.FilePath.empty())
        continue;
      unsigned Id = Related.size() + 1;
      Value Location = physicalLocation(Note, Options, Positions);
      Location.getAsObject()->try_emplace("id", Id);
      Location.getAsObject()->try_emplace(
          "message", Object{{"text", escapeMessage(Note.Message)}});
      Related.push_back(std::move(Location));
      Links += (Links.empty() ? "" : ", ") + std::string("[note ") +
               std::to_string(Id) + "](" + std::to_string(Id) + ")";
    }
    // GitHub shows only the related locations the message links to.
    std::string Text = escapeMessage(E.Message.Message);
    if (!Links.empty())
      Text += " (" + Links + ")";
    Object Result{{"ruleId", E.DiagnosticName},
                  {"ruleIndex", RuleIndex[E.DiagnosticName]},
                  {"level", levelOf(E)},
                  {"message", Object{{"text", Text}}}};
    if (!E.Message.FilePath.empty()) {
      Result["locations"] =
          Array{physicalLocation(E.Message, Options, Positions)};
      Result["partialFingerprints"] =
          Object{{"coroTidyFinding/v1", Prints.of(E, Options, Positions)}};
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    Array Changes;
    for (const auto &Entry : E.Message.Fix) {
      Array Replacements;
      for (const auto &R : Entry.getValue())
        Replacements.push_back(Object{
            {"deletedRegion", region(Positions, R.getFilePath(),
                                     R.getOffset(), R.getLength())},
            {"insertedContent", Object{{"text", R.getReplacementText()}}}});
      Changes.push_back(
          Object{{"artifactLocation", artifactLocation(Entry.getKey(), Options)},
                 {"replacements", std::move(Replacements)}});
    }
    if (!Changes.empty())
      Result["fixes"] = Array{Object{
          {"description", Object{{"text", "Apply the fix-it of " +
                                              E.DiagnosticName}}},
          {"artifactChanges", std::move(Changes)}}};
    Results.push_back(std::move(Result));
  }

  std::string Docs = describeCheck("coro-x", Options).HelpUri;
  Docs = Docs.substr(0, Docs.rfind('/'));
  Object Driver{{"name", "coro-tidy"},
                {"version", CORO_TIDY_VERSION},
                {"semanticVersion", CORO_TIDY_VERSION},
                {"informationUri", Docs},
                {"rules", std::move(Rules)}};
  Object Run{{"tool", Object{{"driver", std::move(Driver)}}},
             {"columnKind", "utf16CodeUnits"},
             {"results", std::move(Results)}};
  if (!Options.SourceRoot.empty())
    Run["originalUriBaseIds"] = Object{
        {"%SRCROOT%", Object{{"uri", fileUri(Options.SourceRoot + "/")}}}};
  return Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Array{std::move(Run)}}};
}

Value makeJson(llvm::ArrayRef<ClangTidyError> Errors,
               SourcePositions &Positions) {
  auto Message = [&](const clang::tooling::DiagnosticMessage &M) {
    Position P = Positions.at(M.FilePath, M.FileOffset);
    return Object{{"file", M.FilePath},
                  {"line", P.Line},
                  {"column", P.Column},
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

/// The finding's text with its notes, for formats with one message field.
static std::string withNotes(const ClangTidyError &E,
                             const ReportOptions &Options,
                             SourcePositions &Positions) {
  std::string Text = E.Message.Message;
  for (const auto &Note : E.Notes) {
    Position P = Positions.at(Note.FilePath, Note.FileOffset);
    Text += "\n  note: " + displayPath(Note.FilePath, Options) + ":" +
            std::to_string(P.Line) + ": " + Note.Message;
  }
  return Text;
}

Value makeCodeClimate(llvm::ArrayRef<ClangTidyError> Errors,
                      const ReportOptions &Options,
                      SourcePositions &Positions) {
  Fingerprints Prints;
  Array Issues;
  for (const ClangTidyError &E : Errors) {
    if (E.Message.FilePath.empty())
      continue;
    Position P = Positions.at(E.Message.FilePath, E.Message.FileOffset);
    llvm::StringRef Level = levelOf(E);
    Issues.push_back(Object{
        {"type", "issue"},
        {"check_name", E.DiagnosticName},
        {"description", withNotes(E, Options, Positions)},
        {"categories", Array{"Bug Risk"}},
        {"severity", Level == "error" ? "critical" : "major"},
        {"fingerprint", sha256Hex(Prints.of(E, Options, Positions))},
        {"location",
         Object{{"path", displayPath(E.Message.FilePath, Options)},
                {"lines", Object{{"begin", std::max(P.Line, 1u)},
                                 {"end", std::max(P.Line, 1u)}}}}}});
  }
  return Issues;
}

/// Workflow command data: `%`, CR and LF are escaped; property values also
/// escape `:` and `,`.
static std::string escapeCommand(llvm::StringRef Text, bool Property) {
  std::string Out;
  for (char C : Text) {
    if (C == '%')
      Out += "%25";
    else if (C == '\r')
      Out += "%0D";
    else if (C == '\n')
      Out += "%0A";
    else if (Property && C == ':')
      Out += "%3A";
    else if (Property && C == ',')
      Out += "%2C";
    else
      Out += C;
  }
  return Out;
}

std::string makeGithubAnnotations(llvm::ArrayRef<ClangTidyError> Errors,
                                  const ReportOptions &Options,
                                  SourcePositions &Positions) {
  std::string Out;
  for (const ClangTidyError &E : Errors) {
    llvm::StringRef Level = levelOf(E);
    Out += "::" + std::string(Level == "error" ? "error" : "warning");
    if (!E.Message.FilePath.empty()) {
      Position P = Positions.at(E.Message.FilePath, E.Message.FileOffset);
      Out += " file=" +
             escapeCommand(displayPath(E.Message.FilePath, Options), true) +
             ",line=" + std::to_string(std::max(P.Line, 1u)) +
             ",col=" + std::to_string(std::max(P.Column, 1u)) + ",";
    } else {
      Out += " ";
    }
    Out += "title=" + escapeCommand(E.DiagnosticName, true) +
           "::" + escapeCommand(withNotes(E, Options, Positions), false) +
           "\n";
  }
  return Out;
}

} // namespace coro_tidy
