//===--- SourcePositions.cpp ----------------------------------------------===//

#include "SourcePositions.h"
#include <algorithm>

namespace coro_tidy {

unsigned utf16Length(llvm::StringRef Text) {
  unsigned Units = 0;
  for (size_t I = 0; I < Text.size();) {
    unsigned char C = Text[I];
    size_t Length = C < 0x80 ? 1 : (C >> 5) == 0x6 ? 2 : (C >> 4) == 0xE ? 3
                                 : (C >> 3) == 0x1E ? 4 : 1;
    if (I + Length > Text.size())
      Length = 1;
    for (size_t K = 1; K < Length; ++K)
      if ((static_cast<unsigned char>(Text[I + K]) >> 6) != 0x2)
        Length = 1;
    Units += Length == 4 ? 2 : 1; // outside the BMP: a surrogate pair
    I += Length;
  }
  return Units;
}

const SourcePositions::Indexed *SourcePositions::load(llvm::StringRef File) {
  auto [It, Inserted] = Files.try_emplace(File);
  if (!Inserted)
    return It->second.get();
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false);
  if (!Buffer)
    return nullptr;
  auto Index = std::make_unique<Indexed>();
  Index->Buffer = std::move(*Buffer);
  llvm::StringRef Text = Index->Buffer->getBuffer();
  Index->LineStarts.push_back(0);
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      Index->LineStarts.push_back(static_cast<unsigned>(I + 1));
  It->second = std::move(Index);
  return It->second.get();
}

Position SourcePositions::at(llvm::StringRef File, unsigned Offset) {
  Position P;
  const Indexed *Index = load(File);
  if (!Index)
    return P;
  llvm::StringRef Text = Index->Buffer->getBuffer();
  if (Offset > Text.size())
    return P;
  auto Next = std::upper_bound(Index->LineStarts.begin(),
                               Index->LineStarts.end(), Offset);
  unsigned Start = *(Next - 1);
  P.Line = static_cast<unsigned>(Next - Index->LineStarts.begin());
  P.Column = Offset - Start + 1;
  P.Utf16Column = utf16Length(Text.slice(Start, Offset)) + 1;
  size_t End = Text.find('\n', Start);
  P.LineText = Text.slice(Start, End == llvm::StringRef::npos ? Text.size() : End);
  P.LineText.consume_back("\r");
  return P;
}

} // namespace coro_tidy
