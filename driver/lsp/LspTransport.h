//===--- LspTransport.h - LSP base protocol framing over file descriptors -===//
//
// A message is "Content-Length: N\r\n\r\n" followed by N bytes of JSON. The
// server speaks it on stdin/stdout, and the server and its per-document
// workers speak it on their pipes, so one reader serves both.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_LSP_LSPTRANSPORT_H
#define CORO_TIDY_DRIVER_LSP_LSPTRANSPORT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <cstddef>
#include <optional>
#include <string>

namespace coro_tidy::lsp {

/// One framed message, or why the bytes were not one (the offending header
/// block or body is skipped, so the stream goes on with the next message).
struct Frame {
  std::string Body;
  std::string Error; ///< non-empty: a framing error, Body is empty
};

/// Splits a byte stream into frames. Bytes arrive in any chunks.
class FrameReader {
public:
  /// Bodies larger than this are refused (and skipped) as a framing error.
  static constexpr size_t MaxBody = 64u << 20;
  /// A header block must end within this many bytes.
  static constexpr size_t MaxHeader = 8u << 10;

  void feed(llvm::StringRef Bytes);
  /// The next complete frame, or nothing until more bytes are fed.
  std::optional<Frame> next();

private:
  std::string Buffer;
  size_t Skip = 0; ///< bytes of a refused body still to drop
};

/// \p Message framed for the wire.
std::string frame(const llvm::json::Value &Message);

/// Writes all of \p Bytes to \p FD (retrying on EINTR and short writes);
/// false if the other end is gone.
bool writeAll(int FD, llvm::StringRef Bytes);

/// Reads what is available on \p FD into \p Reader: the number of bytes
/// read, 0 at end of file, -1 on an error (EAGAIN included).
long readSome(int FD, FrameReader &Reader);

} // namespace coro_tidy::lsp

#endif
