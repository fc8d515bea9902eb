//===--- LspServer.cpp ----------------------------------------------------===//

#include "LspServer.h"
#include "Compilation.h"
#include "ProjectIndex.h"
#include "Findings.h"
#include "GitDiff.h"
#include "LspDiagnostics.h"
#include "LspText.h"
#include "LspTransport.h"
#include "LspWorker.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cerrno>
#include <chrono>
#include <map>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace coro_tidy::lsp {
namespace {

using Clock = std::chrono::steady_clock;

// JSON-RPC's and LSP's error codes.
enum ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  ServerNotInitialized = -32002,
};

/// The path of a file:// URI; empty for other schemes (untitled:, ...).
std::string pathOfUri(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return "";
  // file://host/path: only the local host.
  if (!Uri.starts_with("/")) {
    size_t Slash = Uri.find('/');
    if (Slash == llvm::StringRef::npos || Uri.take_front(Slash) != "localhost")
      return "";
    Uri = Uri.drop_front(Slash);
  }
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] == '%' && I + 2 < Uri.size() && llvm::isHexDigit(Uri[I + 1]) &&
        llvm::isHexDigit(Uri[I + 2])) {
      Path += static_cast<char>(llvm::hexFromNibbles(Uri[I + 1], Uri[I + 2]));
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

struct Document {
  std::string Uri;
  std::string File;
  std::string Text;
  int64_t Version = 0;
  /// The compile command, once found (again after each save).
  std::optional<clang::tooling::CompileCommand> Command;
  std::string SetupError; ///< why the document cannot be checked
  /// A save happened: a preamble that did not compile is tried again.
  bool RetryPreamble = false;
  std::unique_ptr<Worker> Checker;
  bool Running = false;
  bool CancelSent = false;
  int64_t RunningVersion = 0;
  std::string RunningText;
  std::optional<Clock::time_point> Due;
  PublishedFindings Published;
  std::string PublishedText;
  Clock::time_point LastChecked;
  /// The files the last check read: an edit of one of them (open in the
  /// editor) re-checks this document.
  std::vector<std::string> Includes;
};

class Server {
public:
  Server(const ServerSettings &Settings, int In, int Out)
      : Settings(Settings), In(In), Out(Out),
        DebounceMs(Settings.DebounceMs) {}

  int run() {
    for (;;) {
      std::vector<pollfd> Polled{{In, POLLIN, 0}};
      std::vector<std::string> Owners{""};
      for (auto &[Uri, Doc] : Documents)
        if (Doc.Checker) {
          Polled.push_back({Doc.Checker->replies(), POLLIN, 0});
          Owners.push_back(Uri);
        }
      int Ready = poll(Polled.data(), Polled.size(), timeoutMs());
      if (Ready < 0 && errno != EINTR)
        return 1;
      if (Ready > 0 && Polled[0].revents) {
        if (readSome(In, Input) <= 0)
          return 1; // the client went away without `exit`
        while (std::optional<Frame> F = Input.next()) {
          handleFrame(*F);
          if (ExitCode)
            return *ExitCode;
        }
      }
      for (size_t I = 1; Ready > 0 && I < Polled.size(); ++I)
        if (Polled[I].revents)
          pumpWorker(Owners[I]);
      startDueChecks();
    }
  }

private:
  // --- the wire ---------------------------------------------------------

  void send(const Value &Message) const { writeAll(Out, frame(Message)); }
  void reply(const Value &Id, Value Result) {
    send(Object{{"jsonrpc", "2.0"}, {"id", Id}, {"result", std::move(Result)}});
  }
  void replyError(const Value &Id, int Code, llvm::StringRef Message) {
    send(Object{{"jsonrpc", "2.0"},
                {"id", Id},
                {"error", Object{{"code", Code}, {"message", Message}}}});
  }
  void notify(llvm::StringRef Method, Value Params) {
    send(Object{
        {"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
  }
  /// window/logMessage: 1 error, 2 warning, 3 info.
  void log(int Type, const std::string &Message) {
    notify("window/logMessage", Object{{"type", Type}, {"message", Message}});
  }

  void handleFrame(const Frame &F) {
    if (!F.Error.empty()) {
      replyError(nullptr, ParseError, F.Error);
      return;
    }
    auto Parsed = llvm::json::parse(F.Body);
    if (!Parsed) {
      std::string Why = llvm::toString(Parsed.takeError());
      replyError(nullptr, ParseError, "invalid JSON: " + Why);
      return;
    }
    const Object *Message = Parsed->getAsObject();
    if (!Message) {
      replyError(nullptr, InvalidRequest, "a message must be an object");
      return;
    }
    const Value *Id = Message->get("id");
    if (Id && !Id->getAsString() && !Id->getAsInteger()) {
      replyError(nullptr, InvalidRequest,
                 "a request id must be a number or a string");
      return;
    }
    std::optional<llvm::StringRef> Method = Message->getString("method");
    if (!Method) {
      if (Id && (Message->get("result") || Message->get("error")))
        return; // a response to a request of ours (we send none that need one)
      replyError(Id ? *Id : Value(nullptr), InvalidRequest,
                 "a message needs a string \"method\"");
      return;
    }
    const Value *ParamsValue = Message->get("params");
    static const Object NoParams;
    const Object *Params = &NoParams;
    if (ParamsValue && ParamsValue->kind() != Value::Null) {
      Params = ParamsValue->getAsObject();
      if (!Params) {
        if (Id)
          replyError(*Id, InvalidParams, "\"params\" must be an object");
        return;
      }
    }
    if (Id)
      handleRequest(*Id, *Method, *Params);
    else
      handleNotification(*Method, *Params);
  }

  // --- requests ---------------------------------------------------------

  void handleRequest(const Value &Id, llvm::StringRef Method,
                     const Object &Params) {
    if (Method == "initialize") {
      initialize(Id, Params);
      return;
    }
    if (!Initialized) {
      replyError(Id, ServerNotInitialized, "the server is not initialized yet");
      return;
    }
    if (ShutDown) {
      replyError(Id, InvalidRequest,
                 "the server is shut down; only `exit` is accepted");
      return;
    }
    if (Method == "shutdown") {
      ShutDown = true;
      Documents.clear(); // stops every worker
      reply(Id, nullptr);
      return;
    }
    if (Method == "textDocument/codeAction") {
      codeAction(Id, Params);
      return;
    }
    replyError(Id, MethodNotFound, "unknown method '" + Method.str() + "'");
  }

  void initialize(const Value &Id, const Object &Params) {
    if (Initialized) {
      replyError(Id, InvalidRequest, "initialize was already received");
      return;
    }
    Initialized = true;
    if (const Object *Options = Params.getObject("initializationOptions")) {
      if (auto Ms = Options->getInteger("debounceMs"); Ms && *Ms >= 0)
        DebounceMs = static_cast<unsigned>(*Ms);
      if (auto S = Options->getInteger("checkTimeoutSeconds"); S && *S >= 0)
        CheckTimeoutSeconds = static_cast<unsigned>(*S);
      if (auto N = Options->getInteger("maxWorkers"); N && *N >= 1)
        MaxWorkers = static_cast<unsigned>(*N);
    }
    Object Capabilities{
        {"positionEncoding", "utf-16"},
        {"textDocumentSync", Object{{"openClose", true},
                                    {"change", 2}, // incremental
                                    {"save", Object{{"includeText", false}}}}},
        {"codeActionProvider", Object{{"codeActionKinds", Array{"quickfix"}}}},
    };
    reply(Id, Object{{"capabilities", std::move(Capabilities)},
                     {"serverInfo", Object{{"name", "coro-tidy"},
                                           {"version", CORO_TIDY_VERSION}}}});
  }

  /// The open document a request or notification names, or null (and a
  /// reply or log saying so).
  Document *documentOf(const Object &Params, const Value *Id) {
    const Object *TextDocument = Params.getObject("textDocument");
    std::optional<llvm::StringRef> Uri =
        TextDocument ? TextDocument->getString("uri") : std::nullopt;
    if (!Uri) {
      if (Id)
        replyError(*Id, InvalidParams, "missing textDocument.uri");
      else
        log(1, "a notification without textDocument.uri was ignored");
      return nullptr;
    }
    auto It = Documents.find(Uri->str());
    if (It == Documents.end()) {
      if (Id)
        replyError(*Id, InvalidParams,
                   "unknown document '" + Uri->str() + "' (not open)");
      else
        log(1, "a notification for a document that is not open was ignored: " +
                   Uri->str());
      return nullptr;
    }
    return &It->second;
  }

  void codeAction(const Value &Id, const Object &Params) {
    Document *Doc = documentOf(Params, &Id);
    if (!Doc)
      return;
    const Object *Range = Params.getObject("range");
    LspPosition From, To;
    llvm::json::Path::Root Root;
    if (!Range || !Range->get("start") || !Range->get("end") ||
        !fromJSON(*Range->get("start"), From, Root) ||
        !fromJSON(*Range->get("end"), To, Root)) {
      replyError(Id, InvalidParams, "codeAction needs a \"range\"");
      return;
    }
    // Findings of an older text would edit the wrong places.
    if (Doc->Published.Version != Doc->Version) {
      reply(Id, Array{});
      return;
    }
    // Only quick fixes are offered: none when the client asks for other
    // kinds only (source actions, refactorings).
    if (const Object *Context = Params.getObject("context"))
      if (const Array *Only = Context->getArray("only")) {
        bool Wanted = llvm::any_of(*Only, [](const Value &Kind) {
          llvm::StringRef K = Kind.getAsString().value_or("");
          return K == "quickfix" || K.starts_with("quickfix.");
        });
        if (!Wanted) {
          reply(Id, Array{});
          return;
        }
      }
    reply(Id, codeActions(Doc->Published, Doc->Uri, Doc->File,
                          Doc->PublishedText, From, To));
  }

  // --- notifications ----------------------------------------------------

  void handleNotification(llvm::StringRef Method, const Object &Params) {
    if (Method == "exit") {
      ExitCode = ShutDown ? 0 : 1;
      return;
    }
    if (!Initialized || ShutDown)
      return; // the protocol says to drop them
    if (Method == "initialized" || Method == "$/cancelRequest" ||
        Method == "$/setTrace" || Method == "workspace/didChangeConfiguration")
      return;
    if (Method == "textDocument/didOpen") {
      didOpen(Params);
      return;
    }
    if (Method == "textDocument/didChange") {
      didChange(Params);
      return;
    }
    if (Method == "textDocument/didSave") {
      didSave(Params);
      return;
    }
    if (Method == "textDocument/didClose") {
      didClose(Params);
      return;
    }
    if (!Method.starts_with("$/"))
      log(2, "unknown notification '" + Method.str() + "' ignored");
  }

  void didOpen(const Object &Params) {
    const Object *Item = Params.getObject("textDocument");
    std::optional<llvm::StringRef> Uri =
        Item ? Item->getString("uri") : std::nullopt;
    std::optional<llvm::StringRef> Text =
        Item ? Item->getString("text") : std::nullopt;
    if (!Uri || !Text) {
      log(1, "didOpen needs textDocument.uri and textDocument.text");
      return;
    }
    Document &Doc = Documents[Uri->str()];
    Doc = Document();
    Doc.Uri = Uri->str();
    Doc.File = pathOfUri(*Uri);
    Doc.Text = Text->str();
    Doc.Version = Item->getInteger("version").value_or(0);
    if (Doc.File.empty())
      Doc.SetupError = "only file:// documents are checked";
    Doc.Due = Clock::now();
  }

  void didChange(const Object &Params) {
    Document *Doc = documentOf(Params, nullptr);
    if (!Doc)
      return;
    const Array *Changes = Params.getArray("contentChanges");
    if (!Changes) {
      log(1, "didChange without contentChanges ignored");
      return;
    }
    for (const Value &Change : *Changes)
      if (llvm::Error E = applyChange(Doc->Text, Change)) {
        // The buffers no longer agree: say so; the client's next full
        // change (or a reopen) repairs it.
        log(1,
            "didChange of " + Doc->Uri + ": " + llvm::toString(std::move(E)));
        break;
      }
    if (auto Version = Params.getObject("textDocument")->getInteger("version"))
      Doc->Version = *Version;
    else
      ++Doc->Version;
    cancelRunning(*Doc);
    Doc->Due = Clock::now() + std::chrono::milliseconds(DebounceMs);
    recheckIncluders(*Doc);
  }

  /// Open documents whose last check read \p Changed (a header being
  /// edited) are checked again with its new text, after the same pause.
  void recheckIncluders(const Document &Changed) {
    for (auto &[Uri, Other] : Documents)
      if (&Other != &Changed && !Other.Includes.empty() &&
          llvm::is_contained(llvm::ArrayRef(Other.Includes).drop_front(),
                             Changed.File)) {
        cancelRunning(Other);
        Other.Due = Changed.Due;
      }
  }

  void didSave(const Object &Params) {
    Document *Doc = documentOf(Params, nullptr);
    if (!Doc)
      return;
    // The database, the configuration or a header may be what was saved.
    Doc->Command.reset();
    Doc->RetryPreamble = true;
    if (!Doc->File.empty())
      Doc->SetupError.clear();
    cancelRunning(*Doc);
    Doc->Due = Clock::now();
  }

  void didClose(const Object &Params) {
    Document *Doc = documentOf(Params, nullptr);
    if (!Doc)
      return;
    notify("textDocument/publishDiagnostics",
           Object{{"uri", Doc->Uri}, {"diagnostics", Array{}}});
    std::string Uri = Doc->Uri; // the key must outlive the erase
    Documents.erase(Uri);       // kills its worker
  }

  // --- checks -----------------------------------------------------------

  static void cancelRunning(Document &Doc) {
    if (Doc.Running && !Doc.CancelSent && Doc.Checker) {
      Doc.Checker->send(Object{{"method", "cancel"}});
      Doc.CancelSent = true;
    }
  }

  int timeoutMs() const {
    std::optional<Clock::time_point> Next;
    for (const auto &[Uri, Doc] : Documents)
      if (Doc.Due && !Doc.Running && (!Next || *Doc.Due < *Next))
        Next = Doc.Due;
    if (!Next)
      return -1;
    auto Ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  *Next - Clock::now())
                  .count();
    return Ms <= 0 ? 0 : static_cast<int>(std::min<int64_t>(Ms, 60000));
  }

  void startDueChecks() {
    Clock::time_point Now = Clock::now();
    for (auto &[Uri, Doc] : Documents)
      if (Doc.Due && *Doc.Due <= Now && !Doc.Running)
        startCheck(Doc);
  }

  /// The compile command of \p Doc, found as the command line finds it.
  void findCommand(Document &Doc) {
    CompilationRequest Request;
    Request.BuildPath = Settings.BuildPath;
    Request.FirstSource = Doc.File;
    Request.ExtraArgs = Settings.ExtraArgs;
    Request.ExtraArgsBefore = Settings.ExtraArgsBefore;
    Request.Argv0 = Settings.Argv0;
    std::string Origin;
    auto Database = loadCompilations(Request, Origin);
    if (!Database) {
      Doc.SetupError = llvm::toString(Database.takeError());
      return;
    }
    std::vector<clang::tooling::CompileCommand> Commands =
        (*Database)->getCompileCommands(Doc.File);
    if (Commands.empty()) {
      Doc.SetupError = "no compile command for '" + Doc.File + "'";
      return;
    }
    clang::tooling::CompileCommand Command = std::move(Commands.front());
    // A header opened on its own is C++ here (coroutines are), not the C
    // header the driver takes a .h for; an interpolated command already
    // says which language it is.
    llvm::StringRef Ext = llvm::sys::path::extension(Doc.File);
    bool Header = llvm::is_contained(
        {".h", ".hh", ".hpp", ".hxx", ".h++", ".ipp", ".inl"}, Ext);
    bool HasLanguage =
        llvm::any_of(Command.CommandLine, [](llvm::StringRef Arg) {
          return Arg.starts_with("-x") || Arg.starts_with("--language");
        });
    if (Header && !HasLanguage && !Command.CommandLine.empty())
      Command.CommandLine.insert(Command.CommandLine.begin() + 1,
                                 "-xc++-header");
    llvm::SmallString<256> Dir(Command.Directory);
    if (Dir.empty() || Dir == ".")
      Dir = llvm::sys::path::parent_path(Doc.File);
    llvm::sys::fs::make_absolute(Dir);
    Command.Directory = std::string(Dir);
    log(3, "flags for " + Doc.File + " from " + Origin);
    Doc.Command = std::move(Command);
  }

  ProviderFactory providerFor(const Document &Doc) const {
    ConfigRequest Config = Settings.Config;
    std::string Dir = llvm::sys::path::parent_path(Doc.File).str();
    Config.ProjectRoot = gitTopLevel(Dir).value_or(Dir);
    Config.PrintWarnings = false;
    // Chains into other files, from the index of the last
    // `coro-tidy -p <build>` run (docs/project-analysis.md).
    Config.ProjectIndex = findProjectIndex(Settings.BuildPath, Doc.File);
    return
        [Config]() -> std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> {
          auto Provider = makeOptionsProvider(Config);
          if (!Provider) {
            llvm::consumeError(Provider.takeError());
            return std::make_unique<clang::tidy::DefaultOptionsProvider>(
                clang::tidy::ClangTidyGlobalOptions(),
                clang::tidy::ClangTidyOptions::getDefaults());
          }
          return std::move(*Provider);
        };
  }

  void publishToolProblem(Document &Doc, llvm::StringRef Code,
                          const std::string &Message) {
    Doc.Published = PublishedFindings();
    Doc.Published.Version = Doc.Version;
    Doc.PublishedText = Doc.Text;
    notify("textDocument/publishDiagnostics",
           Object{{"uri", Doc.Uri},
                  {"version", Doc.Version},
                  {"diagnostics", Array{toolDiagnostic(Code, Message)}}});
  }

  void startCheck(Document &Doc) {
    Doc.Due.reset();
    // Without a command, look again: a broken database may have been
    // fixed (it is not a document the editor saves through us).
    if (!Doc.File.empty() && !Doc.Command) {
      Doc.SetupError.clear();
      findCommand(Doc);
    }
    if (Doc.SetupError.empty() && Settings.Config.ConfigText.empty() &&
        Settings.Config.ConfigFile.empty())
      if (llvm::Error E = checkConfigFor(Doc.File)) {
        publishToolProblem(Doc, "coro-tidy-config",
                           "coro-tidy: " + llvm::toString(std::move(E)));
        return;
      }
    if (!Doc.SetupError.empty()) {
      publishToolProblem(Doc, "coro-tidy-setup",
                         "coro-tidy: " + Doc.SetupError);
      return;
    }
    Doc.LastChecked = Clock::now();
    if (!Doc.Checker) {
      stopIdlestWorkerIfAtLimit();
      std::vector<int> CloseInChild{In, Out};
      for (const auto &[Uri, Other] : Documents)
        if (Other.Checker) {
          CloseInChild.push_back(Other.Checker->replies());
          CloseInChild.push_back(Other.Checker->toWorker());
        }
      Doc.Checker =
          Worker::start(providerFor(Doc), CheckTimeoutSeconds, CloseInChild);
      if (!Doc.Checker) {
        publishToolProblem(Doc, "coro-tidy-internal-error",
                           "coro-tidy: cannot start a worker process");
        return;
      }
    }
    Array Arguments;
    for (const std::string &A : Doc.Command->CommandLine)
      Arguments.push_back(A);
    Array OtherBuffers;
    for (const auto &[Uri, Other] : Documents)
      if (&Other != &Doc && !Other.File.empty())
        OtherBuffers.push_back(
            Object{{"file", Other.File}, {"text", Other.Text}});
    bool Sent =
        Doc.Checker->send(Object{{"method", "check"},
                                 {"version", Doc.Version},
                                 {"file", Doc.File},
                                 {"text", Doc.Text},
                                 {"directory", Doc.Command->Directory},
                                 {"arguments", std::move(Arguments)},
                                 {"retryPreamble", Doc.RetryPreamble},
                                 {"otherBuffers", std::move(OtherBuffers)}});
    Doc.RetryPreamble = false;
    log(3, "checking " + Doc.File + " version " + std::to_string(Doc.Version));
    Doc.Running = true;
    Doc.CancelSent = false;
    Doc.RunningVersion = Doc.Version;
    Doc.RunningText = Doc.Text;
    if (!Sent)
      workerGone(Doc);
  }

  /// Each worker holds a preamble (~200 MB with Asio's headers): with
  /// MaxWorkers of them, the one of the document checked least recently
  /// and not running is stopped; its preamble is rebuilt if it is edited
  /// again.
  void stopIdlestWorkerIfAtLimit() {
    unsigned Count = 0;
    Document *Idlest = nullptr;
    for (auto &[Uri, Other] : Documents)
      if (Other.Checker) {
        ++Count;
        if (!Other.Running &&
            (!Idlest || Other.LastChecked < Idlest->LastChecked))
          Idlest = &Other;
      }
    if (Count >= MaxWorkers && Idlest) {
      log(3, "stopping the worker of " + Idlest->File + " (at most " +
                 std::to_string(MaxWorkers) + " workers)");
      Idlest->Checker.reset();
    }
  }

  void pumpWorker(const std::string &Uri) {
    auto It = Documents.find(Uri);
    if (It == Documents.end() || !It->second.Checker)
      return;
    Document &Doc = It->second;
    bool Alive = Doc.Checker->pump();
    while (std::optional<Value> Reply = Doc.Checker->nextReply())
      if (const Object *O = Reply->getAsObject())
        handleReply(Doc, *O);
    if (!Alive)
      workerGone(Doc);
  }

  /// The worker died (a crash outside a check's child, while building the
  /// preamble): a new one starts with the next check.
  void workerGone(Document &Doc) {
    std::string Why = Doc.Checker->exitDescription();
    Doc.Checker.reset();
    if (!Doc.Running)
      return;
    Doc.Running = false;
    log(1, "coro-tidy's worker for " + Doc.File + " " + Why);
    if (Doc.RunningVersion == Doc.Version)
      publishToolProblem(Doc, "coro-tidy-internal-error",
                         "coro-tidy " + Why +
                             " while checking this file; "
                             "other documents are not affected (see the log)");
  }

  void handleReply(Document &Doc, const Object &Reply) {
    int64_t Version = Reply.getInteger("version").value_or(-1);
    llvm::StringRef Outcome = Reply.getString("outcome").value_or("");
    Doc.Running = false;
    Doc.CancelSent = false;
    if (Outcome == "cancelled") {
      log(3, "check of " + Doc.File + " version " + std::to_string(Version) +
                 " cancelled: a newer version came");
      return;
    }
    if (Version != Doc.Version)
      return; // an old version's result: never published for a newer one
    if (Outcome != "done") {
      std::string Message = Reply.getString("message").value_or("failed").str();
      log(1, "coro-tidy: checking " + Doc.File + ": " + Message);
      publishToolProblem(Doc, "coro-tidy-internal-error",
                         "coro-tidy: " + Message +
                             " while checking this file; other "
                             "documents are not affected");
      return;
    }
    const Value *ResultJSON = Reply.get("result");
    std::optional<UnitResult> Result =
        ResultJSON ? unitResultFromJSON(*ResultJSON) : std::nullopt;
    if (!Result) {
      publishToolProblem(Doc, "coro-tidy-internal-error",
                         "coro-tidy: the check's result was unreadable");
      return;
    }
    Doc.Includes = Result->Includes;
    Doc.Published =
        publishedFindings(Result->Errors, Doc.Uri, Doc.File, Doc.RunningText,
                          Version, Settings.DocsBaseUrl);
    Doc.PublishedText = Doc.RunningText;
    log(3,
        "checked " + Doc.File + " version " + std::to_string(Version) + " in " +
            std::to_string(Reply.getInteger("checkMs").value_or(0)) +
            " ms (preamble " +
            Reply.getString("preamble").value_or("none").str() + " in " +
            std::to_string(Reply.getInteger("preambleMs").value_or(0)) +
            " ms, " +
            std::to_string(Reply.getInteger("preambleBytes").value_or(0)) +
            " bytes; worker pid " + std::to_string(Doc.Checker->pid()) + ")");
    notify("textDocument/publishDiagnostics",
           Object{{"uri", Doc.Uri},
                  {"version", Version},
                  {"diagnostics", Array(Doc.Published.Diagnostics)}});
  }

  const ServerSettings &Settings;
  int In, Out;
  unsigned DebounceMs;
  unsigned CheckTimeoutSeconds = Settings.CheckTimeoutSeconds;
  unsigned MaxWorkers = 8;
  FrameReader Input;
  bool Initialized = false;
  bool ShutDown = false;
  std::optional<int> ExitCode;
  std::map<std::string, Document> Documents;
};

} // namespace

int runLspServer(const ServerSettings &Settings, int In, int Out) {
  // A worker that died must not take the server with it through SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  return Server(Settings, In, Out).run();
}

} // namespace coro_tidy::lsp
