//===--- LspText.cpp ------------------------------------------------------===//

#include "LspText.h"
#include "SourcePositions.h"
#include <algorithm>

namespace coro_tidy::lsp {

LineIndex::LineIndex(llvm::StringRef Text) : Text(Text) {
  Starts.push_back(0);
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      Starts.push_back(I + 1);
}

LspPosition LineIndex::position(size_t Offset) const {
  Offset = std::min(Offset, Text.size());
  auto It = std::upper_bound(Starts.begin(), Starts.end(), Offset);
  size_t Line = static_cast<size_t>(It - Starts.begin()) - 1;
  LspPosition P;
  P.Line = static_cast<unsigned>(Line);
  P.Character = utf16Length(Text.slice(Starts[Line], Offset));
  return P;
}

llvm::Expected<size_t> LineIndex::offset(LspPosition P) const {
  if (P.Line >= Starts.size()) {
    // The position just past a final newline is the end of the text.
    if (P.Line == Starts.size() && P.Character == 0)
      return Text.size();
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "line %u is past the end of the document",
                                   P.Line);
  }
  size_t Start = Starts[P.Line];
  size_t End = lineEnd(Start);
  // Walk the line's UTF-8, counting UTF-16 units: 4-byte sequences are two.
  unsigned Units = 0;
  size_t I = Start;
  while (I < End && Units < P.Character) {
    unsigned char C = static_cast<unsigned char>(Text[I]);
    size_t Length = C < 0x80    ? 1
                    : C >= 0xF0 ? 4
                    : C >= 0xE0 ? 3
                    : C >= 0xC0 ? 2
                                : 1;
    Length = std::min(Length, End - I);
    Units += Length == 4 ? 2 : 1;
    I += Length;
  }
  return I;
}

size_t LineIndex::lineEnd(size_t Offset) const {
  size_t End = Text.find('\n', std::min(Offset, Text.size()));
  if (End == llvm::StringRef::npos)
    End = Text.size();
  if (End > 0 && End <= Text.size() && End > Offset && Text[End - 1] == '\r')
    --End;
  return End;
}

llvm::json::Value toJSON(const LspPosition &P) {
  return llvm::json::Object{{"line", P.Line}, {"character", P.Character}};
}

bool fromJSON(const llvm::json::Value &V, LspPosition &P,
              llvm::json::Path Path) {
  const llvm::json::Object *O = V.getAsObject();
  std::optional<int64_t> Line = O ? O->getInteger("line") : std::nullopt;
  std::optional<int64_t> Character =
      O ? O->getInteger("character") : std::nullopt;
  if (!Line || !Character || *Line < 0 || *Character < 0 ||
      *Line > UINT32_MAX || *Character > UINT32_MAX) {
    Path.report("expected a position {line, character}");
    return false;
  }
  P.Line = static_cast<unsigned>(*Line);
  P.Character = static_cast<unsigned>(*Character);
  return true;
}

llvm::Error applyChange(std::string &Text, const llvm::json::Value &Change) {
  auto Fail = [](const char *Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
  };
  const llvm::json::Object *O = Change.getAsObject();
  if (!O)
    return Fail("a content change must be an object");
  std::optional<llvm::StringRef> NewText = O->getString("text");
  if (!NewText)
    return Fail("a content change needs a string \"text\"");
  const llvm::json::Value *Range = O->get("range");
  if (!Range) {
    Text = NewText->str();
    return llvm::Error::success();
  }
  const llvm::json::Object *R = Range->getAsObject();
  LspPosition Start, End;
  llvm::json::Path::Root Root;
  if (!R || !R->get("start") || !R->get("end") ||
      !fromJSON(*R->get("start"), Start, Root) ||
      !fromJSON(*R->get("end"), End, Root))
    return Fail("a content change's \"range\" must have a start and an end");
  LineIndex Index(Text);
  auto From = Index.offset(Start);
  if (!From)
    return From.takeError();
  auto To = Index.offset(End);
  if (!To)
    return To.takeError();
  if (*To < *From)
    return Fail("a content change's range ends before it starts");
  Text.replace(*From, *To - *From, NewText->data(), NewText->size());
  return llvm::Error::success();
}

} // namespace coro_tidy::lsp
