//===--- LspTextTest.cpp - LSP framing and positions, unit by unit -------===//
//
// The parts of the language server that need no compiler: the base
// protocol's framing (driver/lsp/LspTransport) and UTF-16 positions and
// didChange edits (driver/lsp/LspText).
//
//===----------------------------------------------------------------------===//

#include "LspText.h"
#include "LspTransport.h"
#include "gtest/gtest.h"

using namespace coro_tidy::lsp;
using llvm::json::Object;

namespace {

Object change(unsigned L1, unsigned C1, unsigned L2, unsigned C2,
              const std::string &Text) {
  return Object{
      {"range", Object{{"start", Object{{"line", L1}, {"character", C1}}},
                       {"end", Object{{"line", L2}, {"character", C2}}}}},
      {"text", Text}};
}

TEST(LspFrames, ArriveInAnyChunks) {
  std::string Wire = frame(Object{{"a", 1}}) + frame(Object{{"b", "\xC3\xA9"}});
  FrameReader Reader;
  std::vector<std::string> Bodies;
  for (char C : Wire) {
    Reader.feed(llvm::StringRef(&C, 1));
    while (auto F = Reader.next()) {
      EXPECT_TRUE(F->Error.empty());
      Bodies.push_back(F->Body);
    }
  }
  ASSERT_EQ(Bodies.size(), 2u);
  EXPECT_EQ(Bodies[0], "{\"a\":1}");
  EXPECT_EQ(Bodies[1], "{\"b\":\"\xC3\xA9\"}");
}

TEST(LspFrames, BadHeadersAreErrorsAndTheStreamGoesOn) {
  FrameReader Reader;
  Reader.feed("Content-Type: x\r\n\r\n");
  Reader.feed("Content-Length: abc\r\n\r\n");
  Reader.feed("content-length: 2\r\n\r\n{}");
  auto First = Reader.next();
  ASSERT_TRUE(First);
  EXPECT_FALSE(First->Error.empty());
  auto Second = Reader.next();
  ASSERT_TRUE(Second);
  EXPECT_FALSE(Second->Error.empty());
  auto Third = Reader.next();
  ASSERT_TRUE(Third);
  EXPECT_TRUE(Third->Error.empty());
  EXPECT_EQ(Third->Body, "{}");
  EXPECT_FALSE(Reader.next());
}

TEST(LspFrames, AnOversizedBodyIsSkippedAsItArrives) {
  FrameReader Reader;
  size_t Size = FrameReader::MaxBody + 10;
  Reader.feed("Content-Length: " + std::to_string(Size) + "\r\n\r\n");
  auto Refused = Reader.next();
  ASSERT_TRUE(Refused);
  EXPECT_FALSE(Refused->Error.empty());
  std::string Chunk(1 << 20, 'x');
  for (size_t Left = Size; Left;) {
    size_t N = std::min(Left, Chunk.size());
    Reader.feed(llvm::StringRef(Chunk.data(), N));
    Left -= N;
    EXPECT_FALSE(Reader.next());
  }
  Reader.feed(frame(Object{}));
  auto Next = Reader.next();
  ASSERT_TRUE(Next);
  EXPECT_EQ(Next->Body, "{}");
}

TEST(LspFrames, NoHeaderInSightIsDropped) {
  FrameReader Reader;
  Reader.feed(std::string(FrameReader::MaxHeader + 1, 'x'));
  auto F = Reader.next();
  ASSERT_TRUE(F);
  EXPECT_FALSE(F->Error.empty());
  Reader.feed(frame(Object{}));
  auto Next = Reader.next();
  ASSERT_TRUE(Next);
  EXPECT_EQ(Next->Body, "{}");
}

TEST(LspPositions, CountUtf16UnitsBothWays) {
  // U+00E9 is one unit in two bytes, U+1F600 two units in four bytes.
  std::string Text = "ab\n\xC3\xA9\xF0\x9F\x98\x80x\r\nlast";
  LineIndex Index(Text);
  size_t X = Text.find('x');
  LspPosition P = Index.position(X);
  EXPECT_EQ(P.Line, 1u);
  EXPECT_EQ(P.Character, 3u);
  EXPECT_EQ(llvm::cantFail(Index.offset(P)), X);
  // A column past the line's end is its end (before \r\n).
  EXPECT_EQ(llvm::cantFail(Index.offset({1, 99})), X + 1);
  EXPECT_EQ(llvm::cantFail(Index.offset({2, 4})), Text.size());
  llvm::Expected<size_t> Past = Index.offset({5, 0});
  EXPECT_FALSE(static_cast<bool>(Past));
  llvm::consumeError(Past.takeError());
}

TEST(LspChanges, IncrementalAndFull) {
  std::string Text = "int a;\nint b;\n";
  ASSERT_FALSE(applyChange(Text, change(1, 4, 1, 5, "bee")));
  EXPECT_EQ(Text, "int a;\nint bee;\n");
  ASSERT_FALSE(applyChange(Text, change(0, 0, 1, 0, "")));
  EXPECT_EQ(Text, "int bee;\n");
  ASSERT_FALSE(applyChange(Text, change(1, 0, 1, 0, "int c;\n")));
  EXPECT_EQ(Text, "int bee;\nint c;\n");
  ASSERT_FALSE(applyChange(Text, Object{{"text", "whole"}}));
  EXPECT_EQ(Text, "whole");
  for (const Object &Bad :
       {change(3, 0, 3, 1, "x"), change(0, 3, 0, 1, "x"),
        Object{{"range", 1}, {"text", ""}}, Object{{"text", 5}}}) {
    llvm::Error E = applyChange(Text, llvm::json::Value(Object(Bad)));
    EXPECT_TRUE(static_cast<bool>(E));
    llvm::consumeError(std::move(E));
    EXPECT_EQ(Text, "whole");
  }
}

} // namespace
