//===--- LspTestClient.cpp ------------------------------------------------===//

#include "LspTestClient.h"
#include "llvm/Support/FormatVariadic.h"
#include <cerrno>
#include <chrono>
#include <csignal>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using llvm::json::Object;
using llvm::json::Value;

namespace coro_tidy::test {

std::string uriOf(const std::string &Path) { return "file://" + Path; }

LspClient::LspClient(const std::string &Program,
                     const std::vector<std::string> &Args,
                     const std::string &WorkDir,
                     const std::vector<std::string> &ExtraEnv) {
  int Down[2], Up[2];
  if (pipe(Down) != 0 || pipe(Up) != 0)
    return;
  std::vector<std::string> Env;
  for (char **E = environ; *E; ++E)
    Env.push_back(*E);
  Env.insert(Env.end(), ExtraEnv.begin(), ExtraEnv.end());
  std::vector<char *> EnvP, ArgvP;
  for (std::string &E : Env)
    EnvP.push_back(E.data());
  EnvP.push_back(nullptr);
  std::vector<std::string> Argv{Program};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  for (std::string &A : Argv)
    ArgvP.push_back(A.data());
  ArgvP.push_back(nullptr);
  Pid = fork();
  if (Pid == 0) {
    dup2(Down[0], STDIN_FILENO);
    dup2(Up[1], STDOUT_FILENO);
    for (int FD : {Down[0], Down[1], Up[0], Up[1]})
      close(FD);
    if (!WorkDir.empty() && chdir(WorkDir.c_str()) != 0)
      _exit(126);
    execve(Program.c_str(), ArgvP.data(), EnvP.data());
    _exit(127);
  }
  close(Down[0]);
  close(Up[1]);
  ToServer = Down[1];
  FromServer = Up[0];
  signal(SIGPIPE, SIG_IGN);
}

LspClient::~LspClient() {
  if (ToServer >= 0)
    close(ToServer);
  if (FromServer >= 0)
    close(FromServer);
  if (Pid > 0) {
    kill(Pid, SIGKILL);
    waitpid(Pid, nullptr, 0);
  }
}

void LspClient::sendRaw(const std::string &Bytes) {
  size_t Done = 0;
  while (Done < Bytes.size()) {
    ssize_t N = write(ToServer, Bytes.data() + Done, Bytes.size() - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return;
    Done += static_cast<size_t>(N);
  }
}

void LspClient::send(Object Message) {
  Message["jsonrpc"] = "2.0";
  std::string Body = llvm::formatv("{0}", Value(std::move(Message))).str();
  sendRaw("Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body);
}

void LspClient::notify(const std::string &Method, Value Params) {
  send(Object{{"method", Method}, {"params", std::move(Params)}});
}

int64_t LspClient::sendRequest(const std::string &Method, Value Params) {
  int64_t Id = NextId++;
  send(Object{{"id", Id}, {"method", Method}, {"params", std::move(Params)}});
  return Id;
}

Value LspClient::request(const std::string &Method, Value Params) {
  int64_t Id = sendRequest(Method, std::move(Params));
  auto Reply = waitFor([&](const Object &M) {
    return !M.get("method") && M.getInteger("id") == Id;
  });
  return Reply ? std::move(*Reply) : Value(nullptr);
}

bool LspClient::readMore(int TimeoutMs) {
  pollfd P{FromServer, POLLIN, 0};
  int Ready = poll(&P, 1, TimeoutMs);
  if (Ready <= 0)
    return Ready == 0 || errno == EINTR;
  char Chunk[65536];
  ssize_t N = read(FromServer, Chunk, sizeof Chunk);
  if (N <= 0)
    return false;
  Buffer.append(Chunk, static_cast<size_t>(N));
  return true;
}

std::optional<Value> LspClient::nextBuffered() {
  size_t End = Buffer.find("\r\n\r\n");
  if (End == std::string::npos)
    return std::nullopt;
  size_t At = Buffer.find("Content-Length:");
  if (At == std::string::npos || At > End)
    return std::nullopt;
  size_t Length = std::stoul(Buffer.substr(At + 15, End - At - 15));
  if (Buffer.size() < End + 4 + Length)
    return std::nullopt;
  std::string Body = Buffer.substr(End + 4, Length);
  Buffer.erase(0, End + 4 + Length);
  auto Parsed = llvm::json::parse(Body);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return Value("unparsable: " + Body);
  }
  return std::move(*Parsed);
}

std::optional<Value>
LspClient::waitFor(const std::function<bool(const Object &)> &Match,
                   int TimeoutSeconds) {
  auto Deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(TimeoutSeconds);
  for (size_t I = 0;;) {
    for (; I < Received.size(); ++I)
      if (!Taken[I])
        if (const Object *O = Received[I].getAsObject(); O && Match(*O)) {
          Taken[I] = true;
          return Received[I];
        }
    if (std::optional<Value> Next = nextBuffered()) {
      Received.push_back(std::move(*Next));
      Taken.push_back(false);
      continue;
    }
    auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    Deadline - std::chrono::steady_clock::now())
                    .count();
    if (Left <= 0 || !readMore(static_cast<int>(std::min<int64_t>(Left, 1000))))
      return std::nullopt;
  }
}

std::optional<Value> LspClient::waitForDiagnostics(const std::string &Uri,
                                                   int64_t Version) {
  return waitFor([&](const Object &M) {
    const Object *P = M.getObject("params");
    return M.getString("method") == "textDocument/publishDiagnostics" && P &&
           P->getString("uri") == Uri &&
           (Version < 0 || P->getInteger("version") == Version);
  });
}

std::optional<Value> LspClient::waitForLog(const std::string &Text) {
  return waitFor([&](const Object &M) {
    const Object *P = M.getObject("params");
    return M.getString("method") == "window/logMessage" && P &&
           P->getString("message").value_or("").contains(Text);
  });
}

Value LspClient::initialize(Object InitializationOptions) {
  Value Reply = request(
      "initialize",
      Object{{"processId", static_cast<int64_t>(getpid())},
             {"rootUri", nullptr},
             {"capabilities", Object{}},
             {"initializationOptions", std::move(InitializationOptions)}});
  notify("initialized", Object{});
  return Reply;
}

void LspClient::open(const std::string &Uri, const std::string &Text,
                     int64_t Version) {
  notify("textDocument/didOpen",
         Object{{"textDocument", Object{{"uri", Uri},
                                        {"languageId", "cpp"},
                                        {"version", Version},
                                        {"text", Text}}}});
}

int LspClient::waitExit(int TimeoutSeconds) {
  if (ToServer >= 0) {
    close(ToServer);
    ToServer = -1;
  }
  for (int I = 0; I < TimeoutSeconds * 10; ++I) {
    int Status = 0;
    pid_t Done = waitpid(Pid, &Status, WNOHANG);
    if (Done == Pid) {
      Pid = -1;
      return WIFEXITED(Status) ? WEXITSTATUS(Status) : 128 + WTERMSIG(Status);
    }
    usleep(100000);
  }
  kill(Pid, SIGKILL);
  waitpid(Pid, nullptr, 0);
  Pid = -1;
  return -1;
}

} // namespace coro_tidy::test
