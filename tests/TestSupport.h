//===--- TestSupport.h - running the built tools from tests --------------===//

#ifndef CORO_TIDY_TESTS_TESTSUPPORT_H
#define CORO_TIDY_TESTS_TESTSUPPORT_H

#include <string>
#include <vector>

namespace coro_tidy::test {

struct ProcessResult {
  int ExitCode = -1;
  std::string Out;
  std::string Err;
};

/// Runs \p Program with \p Args (argv[0] excluded) in \p WorkDir (empty: the
/// current directory), stdin closed, capturing stdout and stderr.
ProcessResult run(const std::string &Program,
                  const std::vector<std::string> &Args,
                  const std::string &WorkDir = "",
                  const std::vector<std::string> &ExtraEnv = {});

/// A fresh temporary directory, removed when the object dies.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  const std::string &path() const { return Path; }
  /// Writes \p Content to \p Relative (creating parent directories) and
  /// returns the absolute path.
  std::string write(const std::string &Relative, const std::string &Content) const;

private:
  std::string Path;
};

std::string readFile(const std::string &Path);

/// A parsed diagnostic line `file:line:col: level: message`.
struct Diagnostic {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Level;
  std::string Message;
  bool operator<(const Diagnostic &O) const;
  bool operator==(const Diagnostic &O) const;
  std::string str() const;
};

/// Diagnostics in compiler-style output, in order.
std::vector<Diagnostic> parseDiagnostics(const std::string &Output);

/// True if \p Program is an executable found on PATH or an absolute path.
bool haveProgram(const std::string &Program);

/// A minimal lazy task type ("task.h" in the projects the tests write).
inline constexpr const char *TaskHeader = R"cpp(#pragma once
#include <coroutine>
template <class T = void> struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
)cpp";

/// A unit of a TaskProject with one coro-missing-co-await finding, at 4:3:
/// a coroutine calls another without co_await.
inline constexpr const char *ForgottenAwait = R"cpp(#include "task.h"
Task<int> fetch_data() { co_return; }
Task<> handler() {
  fetch_data();
  co_return;
}
)cpp";

/// A project in a temporary directory with task.h at \p TaskDir.
struct TaskProject {
  explicit TaskProject(const std::string &TaskDir = "") {
    Dir.write(TaskDir.empty() ? "task.h" : TaskDir + "/task.h", TaskHeader);
  }
  std::string file(const std::string &Name, const std::string &Text) {
    return Dir.write(Name, Text);
  }
  std::string path(const std::string &Name) const {
    return Dir.path() + "/" + Name;
  }
  TempDir Dir;
};

/// testdata/projects/cross-file copied to a temporary folder, with
/// build/compile_commands.json listing every src/*.cpp.
struct CrossFileProject {
  CrossFileProject();
  std::string path(const std::string &Relative) const {
    return Dir.path() + "/" + Relative;
  }
  /// coro-tidy -p build --quiet \p Args, in the project folder.
  ProcessResult tidy(std::vector<std::string> Args) const;
  TempDir Dir;
};

/// Paths of the tools under test, configured by CMake.
std::string coroTidy();
std::string plugin();
std::string clangTidy();       ///< clang-tidy-19, may be empty
std::string clangxx();         ///< clang++-19
std::string applyReplacements(); ///< clang-apply-replacements-19, may be empty
std::string sourceDir();
std::string binaryDir();

} // namespace coro_tidy::test

#endif
