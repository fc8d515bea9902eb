//===--- LspWorker.cpp ----------------------------------------------------===//

#include "LspWorker.h"
#include "LspChecker.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using llvm::json::Object;
using llvm::json::Value;

namespace coro_tidy::lsp {
namespace {

using Clock = std::chrono::steady_clock;

long millisSince(Clock::time_point Start) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() -
                                                            Start)
          .count());
}

/// Reaps \p Pid; its wait status.
int reap(pid_t Pid) {
  int Status = 0;
  while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
  }
  return Status;
}

std::string describeStatus(int Status) {
  if (WIFSIGNALED(Status))
    return "crashed (signal " + std::to_string(WTERMSIG(Status)) + ")";
  return "exited with status " + std::to_string(WEXITSTATUS(Status));
}

/// The next well-formed JSON message among the frames \p Reader has
/// buffered; malformed frames between the two sides are skipped.
std::optional<Value> nextMessage(FrameReader &Reader) {
  while (std::optional<Frame> F = Reader.next()) {
    if (!F->Error.empty())
      continue;
    auto V = llvm::json::parse(F->Body);
    if (V)
      return std::move(*V);
    llvm::consumeError(V.takeError());
  }
  return std::nullopt;
}

/// The worker's side: reads requests, keeps the preamble, runs checks in
/// children.
class WorkerLoop {
public:
  WorkerLoop(int In, int Out, ProviderFactory MakeProvider,
             unsigned TimeoutSeconds)
      : In(In), Out(Out), Checker(std::move(MakeProvider)),
        TimeoutSeconds(TimeoutSeconds) {}

  [[noreturn]] void run() {
    for (;;) {
      std::optional<Value> Request = takeRequest(/*Wait=*/true);
      if (!Request)
        _exit(0); // the server is gone
      const Object *O = Request->getAsObject();
      if (!O || O->getString("method") != "check")
        continue; // a cancel with nothing running
      handleCheck(*O);
    }
  }

private:
  /// The next request; with \p Wait false, only one that already arrived.
  std::optional<Value> takeRequest(bool Wait) {
    for (;;) {
      if (std::optional<Value> V = nextMessage(Reader))
        return V;
      if (Closed)
        return std::nullopt;
      if (!Wait) {
        pollfd P{In, POLLIN, 0};
        if (poll(&P, 1, 0) <= 0)
          return std::nullopt;
      }
      if (readSome(In, Reader) <= 0)
        Closed = true;
    }
  }

  void reply(Object Message) const {
    writeAll(Out, frame(Value(std::move(Message))));
  }

  void handleCheck(const Object &Request) {
    CheckInput Input;
    Input.File = Request.getString("file").value_or("").str();
    Input.Text = Request.getString("text").value_or("").str();
    Input.Version = Request.getInteger("version").value_or(0);
    Input.Command.Directory = Request.getString("directory").value_or("").str();
    Input.Command.Filename = Input.File;
    if (const llvm::json::Array *Args = Request.getArray("arguments"))
      for (const Value &A : *Args)
        if (auto S = A.getAsString())
          Input.Command.CommandLine.push_back(S->str());
    if (const llvm::json::Array *Others = Request.getArray("otherBuffers"))
      for (const Value &B : *Others)
        if (const Object *O = B.getAsObject())
          if (auto Path = O->getString("file"))
            Input.OtherBuffers.emplace_back(
                Path->str(), O->getString("text").value_or("").str());

    // Test hook: a crash of the worker itself, as clang crashing while it
    // builds the preamble would be (tests/LspTest.cpp).
    if (const char *Crash = getenv("CORO_TIDY_TEST_CRASH_PREAMBLE"))
      if (*Crash && Input.File.find(Crash) != std::string::npos)
        raise(SIGSEGV);
    if (Request.getBoolean("retryPreamble").value_or(false))
      Checker.retryBrokenPreamble();
    Clock::time_point Start = Clock::now();
    PreambleUse Use = Checker.preparePreamble(Input);
    long PreambleMs = millisSince(Start);
    // Building the preamble leaves freed memory behind that every check's
    // child would copy the page tables of: return it (glibc).
    if (Use == PreambleUse::Built)
      malloc_trim(0);
    // A request that came while the preamble was built supersedes this one:
    // the preamble stays for it.
    if (std::optional<Value> Next = takeRequest(/*Wait=*/false)) {
      reply(Object{{"version", Input.Version}, {"outcome", "cancelled"}});
      if (const Object *O = Next->getAsObject();
          O && O->getString("method") == "check")
        handleCheck(*O);
      return;
    }

    int Pipe[2];
    if (pipe(Pipe) != 0) {
      reply(Object{{"version", Input.Version},
                   {"outcome", "crashed"},
                   {"message", "cannot create a pipe"}});
      return;
    }
    Clock::time_point CheckStart = Clock::now();
    pid_t Child = fork();
    if (Child == 0) {
      close(Pipe[0]);
      close(In);
      close(Out);
      runChild(Input, Pipe[1]);
    }
    close(Pipe[1]);
    std::string ResultText;
    std::optional<Value> Superseding;
    bool Cancelled = false, TimedOut = false;
    for (;;) {
      pollfd P[2] = {{Pipe[0], POLLIN, 0}, {In, POLLIN, 0}};
      long Left =
          (static_cast<long>(TimeoutSeconds) * 1000) - millisSince(CheckStart);
      if (TimeoutSeconds && Left <= 0) {
        TimedOut = true;
        break;
      }
      int Ready =
          poll(P, Closed ? 1 : 2, TimeoutSeconds ? static_cast<int>(Left) : -1);
      if (Ready < 0 && errno == EINTR)
        continue;
      if (P[0].revents) {
        char Chunk[65536];
        ssize_t N = read(Pipe[0], Chunk, sizeof Chunk);
        if (N < 0 && errno == EINTR)
          continue;
        if (N <= 0)
          break; // the child finished (or died)
        ResultText.append(Chunk, static_cast<size_t>(N));
      }
      if (!Closed && P[1].revents) {
        if (readSome(In, Reader) <= 0)
          Closed = true;
        // Any message while a check runs is a cancel or a newer version.
        if (std::optional<Value> Next = takeRequest(/*Wait=*/false)) {
          Cancelled = true;
          if (const Object *O = Next->getAsObject();
              O && O->getString("method") == "check")
            Superseding = std::move(Next);
          break;
        }
        if (Closed) {
          Cancelled = true;
          break;
        }
      }
    }
    if (Cancelled || TimedOut)
      kill(Child, SIGKILL);
    close(Pipe[0]);
    int Status = reap(Child);
    long CheckMs = millisSince(CheckStart);
    if (Cancelled) {
      reply(Object{{"version", Input.Version}, {"outcome", "cancelled"}});
    } else if (TimedOut) {
      reply(Object{{"version", Input.Version},
                   {"outcome", "timeout"},
                   {"message", "the check took longer than " +
                                   std::to_string(TimeoutSeconds) + " s"}});
    } else {
      auto Parsed = llvm::json::parse(ResultText);
      if (!Parsed || !WIFEXITED(Status) || WEXITSTATUS(Status) != 0) {
        if (!Parsed)
          llvm::consumeError(Parsed.takeError());
        reply(Object{{"version", Input.Version},
                     {"outcome", "crashed"},
                     {"message", "the check " + describeStatus(Status)}});
      } else {
        reply(Object{
            {"version", Input.Version},
            {"outcome", "done"},
            {"result", std::move(*Parsed)},
            {"preamble", name(Use)},
            {"preambleBytes", static_cast<int64_t>(Checker.preambleSize())},
            {"preambleMs", PreambleMs},
            {"checkMs", CheckMs}});
      }
    }
    if (Superseding)
      if (const Object *O = Superseding->getAsObject())
        handleCheck(*O);
  }

  [[noreturn]] void runChild(const CheckInput &Input, int ResultFD) {
    // clang's "N warnings generated." and the like are not for the
    // client's log.
    int Null = open("/dev/null", O_WRONLY);
    if (Null >= 0)
      dup2(Null, STDERR_FILENO);
    // Test hooks, as the command line's (UnitRunner.cpp): a crash in a
    // check, and a slow check to cancel (tests/LspTest.cpp).
    if (const char *Crash = getenv("CORO_TIDY_TEST_CRASH_UNIT"))
      if (*Crash && Input.File.find(Crash) != std::string::npos)
        raise(SIGSEGV);
    if (const char *Delay = getenv("CORO_TIDY_TEST_CHECK_DELAY_MS"))
      std::this_thread::sleep_for(std::chrono::milliseconds(atol(Delay)));
    UnitResult Result = Checker.check(Input);
    llvm::raw_fd_ostream OS(ResultFD, /*shouldClose=*/true);
    OS << toJSON(Result);
    OS.flush();
    bool Written = !OS.has_error();
    OS.clear_error();
    _exit(Written ? 0 : 3);
  }

  int In, Out;
  FrameReader Reader;
  bool Closed = false;
  DocumentChecker Checker;
  unsigned TimeoutSeconds;
};

} // namespace

std::unique_ptr<Worker> Worker::start(const ProviderFactory &MakeProvider,
                                      unsigned TimeoutSeconds,
                                      const std::vector<int> &CloseInChild) {
  int Down[2], Up[2];
  if (pipe(Down) != 0)
    return nullptr;
  if (pipe(Up) != 0) {
    close(Down[0]);
    close(Down[1]);
    return nullptr;
  }
  llvm::outs().flush();
  llvm::errs().flush();
  pid_t Pid = fork();
  if (Pid < 0) {
    for (int FD : {Down[0], Down[1], Up[0], Up[1]})
      close(FD);
    return nullptr;
  }
  if (Pid == 0) {
    // Its own process group, so that stopping it stops the check running
    // in its child too; and it dies with the server.
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    close(Down[1]);
    close(Up[0]);
    for (int FD : CloseInChild)
      close(FD);
    // Nothing of the worker's may reach the client's stdout.
    int Null = open("/dev/null", O_RDWR);
    if (Null >= 0) {
      dup2(Null, STDIN_FILENO);
      dup2(Null, STDOUT_FILENO);
    }
    signal(SIGPIPE, SIG_IGN);
    // A crash is one line in the server's log, not LLVM's stack dump.
    for (int Signal : {SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE})
      signal(Signal, SIG_DFL);
    WorkerLoop(Down[0], Up[1], MakeProvider, TimeoutSeconds).run();
  }
  setpgid(Pid, Pid); // as the child does: whichever runs first
  close(Down[0]);
  close(Up[1]);
  std::unique_ptr<Worker> W(new Worker());
  W->Pid = Pid;
  W->ToWorker = Down[1];
  W->FromWorker = Up[0];
  return W;
}

Worker::~Worker() {
  if (ToWorker >= 0)
    close(ToWorker);
  if (FromWorker >= 0)
    close(FromWorker);
  if (Pid > 0) {
    kill(-Pid, SIGKILL); // the worker's group: it and its check
    kill(Pid, SIGKILL);  // if it had no time to make the group yet
    reap(Pid);
  }
}

bool Worker::send(const Value &Message) const {
  return writeAll(ToWorker, frame(Message));
}

bool Worker::pump() { return readSome(FromWorker, Reader) > 0; }

std::optional<Value> Worker::nextReply() {
  return nextMessage(Reader);
}

std::string Worker::exitDescription() {
  if (Pid <= 0)
    return "ended";
  int Status = reap(Pid);
  Pid = -1;
  return describeStatus(Status);
}

} // namespace coro_tidy::lsp
