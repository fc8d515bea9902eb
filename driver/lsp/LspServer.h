//===--- LspServer.h - coro-tidy --lsp: a language server beside clangd ---===//
//
// clangd cannot load clang-tidy plugins, so its users never see a coro-*
// finding. This server runs next to clangd (an editor runs both on C++
// files) and publishes only coro-tidy's findings, with their fix-its as code
// actions. It speaks JSON-RPC over stdin/stdout, with llvm::json.
//
// The server's own process does no parsing: it keeps the documents, reads
// their build flags and debounces edits; each document's checks run in its
// worker process (LspWorker.h), so a crash or a hang in one document never
// takes the server or another document down.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_LSP_LSPSERVER_H
#define CORO_TIDY_DRIVER_LSP_LSPSERVER_H

#include "Config.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <string>
#include <vector>

namespace coro_tidy::lsp {

struct ServerSettings {
  /// --checks, --config, --config-file...: as on the command line; the
  /// .clang-tidy files above each document apply as for the command line.
  ConfigRequest Config;
  std::string BuildPath; ///< -p; empty: compile_commands.json above the file
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  std::string DocsBaseUrl; ///< --docs-url; empty: the built-in address
  std::string Argv0;
  /// How long an edit waits for the next one before a check starts
  /// (initializationOptions.debounceMs overrides it).
  unsigned DebounceMs = 300;
  /// A check running longer than this is killed (0: no limit).
  unsigned CheckTimeoutSeconds = 300;
};

/// Serves the protocol on \p In / \p Out until the client's `exit`: 0 after
/// a `shutdown` request, 1 otherwise (as the protocol says), also when the
/// input ends without one. Chains into other files come from the project
/// index of the document's build folder, when there is one: the chain
/// checks read it as the plugin does (ConfigRequest::ProjectIndex).
int runLspServer(const ServerSettings &Settings, int In = 0, int Out = 1);

} // namespace coro_tidy::lsp

#endif
