//===--- LspDiagnostics.cpp -----------------------------------------------===//

#include "LspDiagnostics.h"
#include "Report.h"
#include "SourcePositions.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang::tidy;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace coro_tidy::lsp {
namespace {

Value range(LspPosition Start, LspPosition End) {
  return Object{{"start", toJSON(Start)}, {"end", toJSON(End)}};
}

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// The byte range a finding covers in the document: the range clang gave
/// with it, else the word at its offset, else one character.
std::pair<size_t, size_t> extent(const clang::tooling::DiagnosticMessage &M,
                                 llvm::StringRef Text) {
  size_t Start = std::min<size_t>(M.FileOffset, Text.size());
  for (const clang::tooling::FileByteRange &R : M.Ranges)
    if (R.FilePath == M.FilePath && R.FileOffset <= Start &&
        R.FileOffset + R.Length > Start &&
        R.FileOffset + R.Length <= Text.size())
      return {Start, R.FileOffset + R.Length};
  size_t End = Start;
  while (End < Text.size() && isIdentifierChar(Text[End]))
    ++End;
  if (End == Start && End < Text.size() && Text[End] != '\n')
    ++End;
  return {Start, End};
}

/// A location in another file, read from disk (it is not the document).
Value diskLocation(llvm::StringRef File, unsigned Offset,
                   SourcePositions &Positions) {
  Position P = Positions.at(File, Offset);
  LspPosition L;
  if (P.Line) {
    L.Line = P.Line - 1;
    L.Character = P.Utf16Column - 1;
  }
  return Object{{"uri", fileUri(File)}, {"range", range(L, L)}};
}

Value location(const clang::tooling::DiagnosticMessage &M, llvm::StringRef Uri,
               llvm::StringRef File, llvm::StringRef Text,
               const LineIndex &Index, SourcePositions &Positions) {
  if (M.FilePath != File)
    return diskLocation(M.FilePath, M.FileOffset, Positions);
  auto [Start, End] = extent(M, Text);
  return Object{{"uri", Uri},
                {"range", range(Index.position(Start), Index.position(End))}};
}

std::string docsPage(llvm::StringRef Check, llvm::StringRef DocsBaseUrl) {
  ReportOptions Options;
  Options.DocsBaseUrl = DocsBaseUrl.str();
  return describeCheck(Check, Options).HelpUri;
}

Value diagnostic(const ClangTidyError &E, llvm::StringRef Uri,
                 llvm::StringRef File, llvm::StringRef Text,
                 const LineIndex &Index, llvm::StringRef DocsBaseUrl,
                 SourcePositions &Positions) {
  auto [Start, End] = extent(E.Message, Text);
  Object D{{"range", range(Index.position(Start), Index.position(End))},
           {"severity", 2},
           {"source", "coro-tidy"},
           {"code", E.DiagnosticName},
           {"message", E.Message.Message}};
  std::string Href = docsPage(E.DiagnosticName, DocsBaseUrl);
  if (!Href.empty())
    D["codeDescription"] = Object{{"href", Href}};
  Array Related;
  for (const clang::tooling::DiagnosticMessage &N : E.Notes)
    if (!N.FilePath.empty())
      Related.push_back(
          Object{{"location", location(N, Uri, File, Text, Index, Positions)},
                 {"message", N.Message}});
  if (!Related.empty())
    D["relatedInformation"] = std::move(Related);
  return D;
}

/// The edits of \p Fix as a workspace edit; the document's by its text,
/// other files' by their content on disk.
Value workspaceEdit(const llvm::StringMap<clang::tooling::Replacements> &Fix,
                    llvm::StringRef Uri, llvm::StringRef File,
                    const LineIndex &Index, SourcePositions &Positions) {
  Object Changes;
  for (const auto &Entry : Fix) {
    Array Edits;
    bool Here = Entry.getKey() == File;
    for (const clang::tooling::Replacement &R : Entry.getValue()) {
      LspPosition Start, End;
      if (Here) {
        Start = Index.position(R.getOffset());
        End = Index.position(R.getOffset() + R.getLength());
      } else {
        Position S = Positions.at(Entry.getKey(), R.getOffset());
        Position F =
            Positions.at(Entry.getKey(), R.getOffset() + R.getLength());
        if (!S.Line || !F.Line)
          continue;
        Start = {S.Line - 1, S.Utf16Column - 1};
        End = {F.Line - 1, F.Utf16Column - 1};
      }
      Edits.push_back(Object{{"range", range(Start, End)},
                             {"newText", R.getReplacementText()}});
    }
    if (!Edits.empty())
      Changes[Here ? Uri.str() : fileUri(Entry.getKey())] = std::move(Edits);
  }
  return Object{{"changes", std::move(Changes)}};
}

/// "insert 'co_await'", "remove 'x'", "replace 'a' with 'b'".
std::string fixTitle(const llvm::StringMap<clang::tooling::Replacements> &Fix,
                     llvm::StringRef File, llvm::StringRef Text) {
  size_t Count = 0;
  const clang::tooling::Replacement *Only = nullptr;
  for (const auto &Entry : Fix)
    for (const clang::tooling::Replacement &R : Entry.getValue()) {
      ++Count;
      Only = &R;
    }
  if (Count != 1 || Only->getFilePath() != File)
    return "apply the fix-it";
  llvm::StringRef New = llvm::StringRef(Only->getReplacementText()).trim();
  llvm::StringRef Old =
      Only->getOffset() + Only->getLength() <= Text.size()
          ? Text.substr(Only->getOffset(), Only->getLength()).trim()
          : llvm::StringRef();
  if (Only->getLength() == 0)
    return ("insert '" + New + "'").str();
  if (New.empty())
    return ("remove '" + Old + "'").str();
  return ("replace '" + Old + "' with '" + New + "'").str();
}

/// The edit that adds NOLINT(check) to the finding's line: a new comment at
/// its end, or the check added to a NOLINT(...) already there.
Value nolintEdit(const ClangTidyError &E, llvm::StringRef Uri,
                 llvm::StringRef Text, const LineIndex &Index) {
  size_t Offset = std::min<size_t>(E.Message.FileOffset, Text.size());
  size_t LineStart =
      Offset == 0 ? llvm::StringRef::npos : Text.rfind('\n', Offset - 1);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  size_t LineEnd = Index.lineEnd(Offset);
  llvm::StringRef Line = Text.slice(LineStart, LineEnd);
  size_t At = LineEnd;
  std::string Insert = "  // NOLINT(" + E.DiagnosticName + ")";
  size_t Existing = Line.find("NOLINT(");
  if (Existing != llvm::StringRef::npos) {
    size_t Close = Line.find(')', Existing);
    if (Close != llvm::StringRef::npos) {
      At = LineStart + Close;
      Insert = ", " + E.DiagnosticName;
    }
  }
  LspPosition P = Index.position(At);
  return Object{{"changes", Object{{Uri, Array{Object{{"range", range(P, P)},
                                                      {"newText", Insert}}}}}}};
}

} // namespace

Value toolDiagnostic(llvm::StringRef Code, llvm::StringRef Message) {
  return Object{{"range", range({0, 0}, {0, 0})},
                {"severity", 1},
                {"source", "coro-tidy"},
                {"code", Code},
                {"message", Message}};
}

PublishedFindings publishedFindings(const std::vector<ClangTidyError> &Errors,
                                    llvm::StringRef Uri, llvm::StringRef File,
                                    llvm::StringRef Text, int64_t Version,
                                    llvm::StringRef DocsBaseUrl) {
  PublishedFindings Out;
  Out.Version = Version;
  LineIndex Index(Text);
  SourcePositions Positions;
  const ClangTidyError *FirstError = nullptr;
  for (const ClangTidyError &E : Errors) {
    llvm::StringRef Check = E.DiagnosticName;
    if (Check.starts_with("clang-diagnostic-")) {
      if (E.DiagLevel == ClangTidyError::Error && !FirstError)
        FirstError = &E;
      continue;
    }
    if (E.Message.FilePath != File)
      continue; // a header's finding: published with the header
    Out.Diagnostics.push_back(
        diagnostic(E, Uri, File, Text, Index, DocsBaseUrl, Positions));
    Out.Findings.push_back(E);
  }
  if (FirstError) {
    size_t Offset = FirstError->Message.FilePath == File
                        ? FirstError->Message.FileOffset
                        : 0;
    LspPosition P = Index.position(Offset);
    Out.Diagnostics.push_back(
        Object{{"range", range(P, P)},
               {"severity", 3},
               {"source", "coro-tidy"},
               {"code", "clang-diagnostic-error"},
               {"message", "this file does not compile (" +
                               FirstError->Message.Message +
                               "); coroutine findings may be incomplete"}});
  }
  return Out;
}

Array codeActions(const PublishedFindings &Published, llvm::StringRef Uri,
                  llvm::StringRef File, llvm::StringRef Text, LspPosition From,
                  LspPosition To) {
  Array Actions;
  LineIndex Index(Text);
  SourcePositions Positions;
  for (size_t I = 0; I < Published.Findings.size(); ++I) {
    const ClangTidyError &E = Published.Findings[I];
    auto [Start, End] = extent(E.Message, Text);
    unsigned First = Index.position(Start).Line,
             Last = Index.position(End).Line;
    if (Last < From.Line || First > To.Line)
      continue;
    const Value &Diagnostic = Published.Diagnostics[I];
    auto QuickFix = [&](std::string Title, Value Edit, bool Preferred) {
      Object Action{{"title", std::move(Title)},
                    {"kind", "quickfix"},
                    {"diagnostics", Array{Diagnostic}},
                    {"edit", std::move(Edit)}};
      if (Preferred)
        Action["isPreferred"] = true;
      Actions.push_back(std::move(Action));
    };
    if (!E.Message.Fix.empty())
      QuickFix(fixTitle(E.Message.Fix, File, Text) + " (" + E.DiagnosticName +
                   ")",
               workspaceEdit(E.Message.Fix, Uri, File, Index, Positions),
               /*Preferred=*/true);
    for (const clang::tooling::DiagnosticMessage &N : E.Notes)
      if (!N.Fix.empty())
        QuickFix(N.Message, workspaceEdit(N.Fix, Uri, File, Index, Positions),
                 /*Preferred=*/false);
    QuickFix("suppress " + E.DiagnosticName + " with NOLINT",
             nolintEdit(E, Uri, Text, Index), /*Preferred=*/false);
  }
  return Actions;
}

} // namespace coro_tidy::lsp
