//===--- LspTransport.cpp -------------------------------------------------===//

#include "LspTransport.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include <cerrno>
#include <unistd.h>

namespace coro_tidy::lsp {

void FrameReader::feed(llvm::StringRef Bytes) {
  if (Skip) {
    size_t Dropped = std::min(Skip, Bytes.size());
    Skip -= Dropped;
    Bytes = Bytes.drop_front(Dropped);
  }
  Buffer.append(Bytes.data(), Bytes.size());
}

std::optional<Frame> FrameReader::next() {
  if (Skip)
    return std::nullopt;
  size_t End = Buffer.find("\r\n\r\n");
  if (End == std::string::npos) {
    if (Buffer.size() <= MaxHeader)
      return std::nullopt;
    // No header block in sight: drop what is there (it cannot be a message
    // start) and resynchronise on the next one.
    Buffer.clear();
    return Frame{"", "no message header within " + std::to_string(MaxHeader) +
                         " bytes"};
  }
  llvm::StringRef Header(Buffer.data(), End);
  std::optional<size_t> Length;
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Header.split(Lines, "\r\n");
  for (llvm::StringRef Line : Lines) {
    auto [Name, Value] = Line.split(':');
    if (!Name.trim().equals_insensitive("Content-Length"))
      continue;
    unsigned long long N;
    if (!llvm::getAsUnsignedInteger(Value.trim(), 10, N))
      Length = static_cast<size_t>(N);
  }
  if (!Length) {
    Buffer.erase(0, End + 4);
    return Frame{"", "message header without a valid Content-Length"};
  }
  if (*Length > MaxBody) {
    size_t Have = Buffer.size() - (End + 4);
    Skip = *Length > Have ? *Length - Have : 0;
    Buffer.erase(0, std::min(Buffer.size(), End + 4 + *Length));
    return Frame{"", "message of " + std::to_string(*Length) +
                         " bytes is over the limit"};
  }
  if (Buffer.size() < End + 4 + *Length)
    return std::nullopt;
  Frame F;
  F.Body = Buffer.substr(End + 4, *Length);
  Buffer.erase(0, End + 4 + *Length);
  return F;
}

std::string frame(const llvm::json::Value &Message) {
  std::string Body = llvm::formatv("{0}", Message).str();
  return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
}

bool writeAll(int FD, llvm::StringRef Bytes) {
  while (!Bytes.empty()) {
    ssize_t N = ::write(FD, Bytes.data(), Bytes.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Bytes = Bytes.drop_front(static_cast<size_t>(N));
  }
  return true;
}

long readSome(int FD, FrameReader &Reader) {
  char Chunk[65536];
  for (;;) {
    ssize_t N = ::read(FD, Chunk, sizeof Chunk);
    if (N < 0 && errno == EINTR)
      continue;
    if (N > 0)
      Reader.feed(llvm::StringRef(Chunk, static_cast<size_t>(N)));
    return static_cast<long>(N);
  }
}

} // namespace coro_tidy::lsp
