//===--- LspTestClient.h - a scripted LSP client for the tests -----------===//
//
// Starts `coro-tidy --lsp` with pipes for stdin and stdout, sends framed
// JSON-RPC messages (or raw bytes, for garbage input) and waits for what
// the server sends back. Waits have a generous limit so that a broken
// server fails the test instead of hanging it; no test asserts a time.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_TESTS_LSP_LSPTESTCLIENT_H
#define CORO_TIDY_TESTS_LSP_LSPTESTCLIENT_H

#include "llvm/Support/JSON.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy::test {

class LspClient {
public:
  /// Starts \p Program with \p Args in \p WorkDir, with \p ExtraEnv
  /// ("NAME=value") added to the environment.
  LspClient(const std::string &Program, const std::vector<std::string> &Args,
            const std::string &WorkDir = "",
            const std::vector<std::string> &ExtraEnv = {});
  ~LspClient();

  /// Writes \p Bytes as they are.
  void sendRaw(const std::string &Bytes);
  void send(llvm::json::Object Message);
  void notify(const std::string &Method, llvm::json::Value Params);
  /// Sends a request and waits for its response (the whole message).
  llvm::json::Value request(const std::string &Method,
                            llvm::json::Value Params);
  /// Sends a request; returns its id (for a later waitFor).
  int64_t sendRequest(const std::string &Method, llvm::json::Value Params);

  /// The first message not yet taken by a waitFor for which \p Match
  /// holds (it is then taken); nullopt if none came within
  /// \p TimeoutSeconds or the server closed its output. Every message read
  /// is kept in received().
  std::optional<llvm::json::Value>
  waitFor(const std::function<bool(const llvm::json::Object &)> &Match,
          int TimeoutSeconds = 120);
  /// The next publishDiagnostics for \p Uri (of \p Version, if >= 0).
  std::optional<llvm::json::Value> waitForDiagnostics(const std::string &Uri,
                                                      int64_t Version = -1);
  /// The next window/logMessage containing \p Text.
  std::optional<llvm::json::Value> waitForLog(const std::string &Text);

  /// initialize (with \p InitializationOptions) and initialized.
  llvm::json::Value initialize(llvm::json::Object InitializationOptions = {});
  void open(const std::string &Uri, const std::string &Text,
            int64_t Version = 1);
  /// Closes stdin and waits for the server to exit: its exit status, or -1
  /// if it had to be killed.
  int waitExit(int TimeoutSeconds = 60);

  const std::vector<llvm::json::Value> &received() const { return Received; }
  int pid() const { return Pid; }

private:
  bool readMore(int TimeoutMs);
  std::optional<llvm::json::Value> nextBuffered();

  int Pid = -1;
  int ToServer = -1;
  int FromServer = -1;
  std::string Buffer;
  std::vector<llvm::json::Value> Received;
  std::vector<bool> Taken; ///< per received() message
  int64_t NextId = 1;
};

/// file:///path
std::string uriOf(const std::string &Path);

} // namespace coro_tidy::test

#endif
