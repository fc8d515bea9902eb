//===--- LspWorker.h - one process per open document ----------------------===//
//
// Each open document gets a worker process, forked from the server when it
// is first checked. The worker keeps the document's preamble in memory and
// runs each check in a child forked from itself, so that
//   - a crash in clang or in a check loses that child only: the server and
//     the other documents never notice, and the preamble survives;
//   - a stale check is cancelled by killing its child, at once (clang's
//     parser cannot be interrupted from inside);
//   - the child starts with the preamble already in its memory.
// The server stays single-threaded, so forking it is safe. Server and
// worker exchange framed JSON (LspTransport.h) over two pipes.
//
// To the worker: {"method": "check", "version", "file", "text",
//                 "directory", "arguments", "retryPreamble"} and
//                {"method": "cancel"}.
// From it:       {"version", "outcome": "done", "result": <UnitResult>,
//                 "preamble": "built|reused|none", "preambleBytes",
//                 "preambleMs", "checkMs"},
//                {"version", "outcome": "cancelled" | "crashed" |
//                 "timeout", "message"}.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_LSP_LSPWORKER_H
#define CORO_TIDY_DRIVER_LSP_LSPWORKER_H

#include "LspTransport.h"
#include "UnitRunner.h"
#include "llvm/Support/JSON.h"
#include <memory>
#include <optional>
#include <vector>

namespace coro_tidy::lsp {

/// The server's end of a worker.
class Worker {
public:
  /// Forks a worker. \p CloseInChild: descriptors the worker must not keep
  /// (the server's stdin and stdout, other workers' pipes).
  static std::unique_ptr<Worker> start(const ProviderFactory &MakeProvider,
                                       unsigned TimeoutSeconds,
                                       const std::vector<int> &CloseInChild);
  ~Worker(); ///< kills and reaps the worker

  bool send(const llvm::json::Value &Message) const;
  /// Where the worker's messages arrive (poll it for reading).
  int replies() const { return FromWorker; }
  int toWorker() const { return ToWorker; }
  int pid() const { return Pid; }
  /// Reads what arrived; false once the worker is gone (it crashed or
  /// exited), after which nextReply() still returns what was read.
  bool pump();
  std::optional<llvm::json::Value> nextReply();
  /// Why the worker ended, once pump() returned false ("crashed (signal
  /// 11)").
  std::string exitDescription();

private:
  int Pid = -1;
  int ToWorker = -1;
  int FromWorker = -1;
  FrameReader Reader;
};

} // namespace coro_tidy::lsp

#endif
