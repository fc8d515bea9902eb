//===--- GitDiff.cpp ------------------------------------------------------===//

#include "GitDiff.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"

namespace coro_tidy {

bool ChangedLines::contains(llvm::StringRef File, unsigned Line) const {
  auto It = Files.find(File);
  if (It == Files.end())
    return false;
  return llvm::any_of(It->second, [Line](const auto &Range) {
    const auto &[First, Last] = Range;
    return Line >= First && Line <= Last;
  });
}

ChangedLines parseUnifiedDiff(llvm::StringRef Diff, llvm::StringRef RepoRoot) {
  ChangedLines Result;
  std::string Current;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.consume_front("+++ ")) {
      Current.clear();
      if (Line.consume_front("b/")) {
        llvm::SmallString<256> Path(RepoRoot);
        llvm::sys::path::append(Path, Line.rtrim("\r\t "));
        Current = std::string(Path);
        Result.Files[Current]; // A changed file, even if only deletions.
      }
      continue;
    }
    if (Current.empty() || !Line.consume_front("@@ "))
      continue;
    // @@ -a[,b] +c[,d] @@
    size_t Plus = Line.find('+');
    if (Plus == llvm::StringRef::npos)
      continue;
    llvm::StringRef Range = Line.drop_front(Plus + 1).split(' ').first;
    auto [StartText, CountText] = Range.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start))
      continue;
    if (!CountText.empty() && CountText.getAsInteger(10, Count))
      continue;
    if (Count > 0)
      Result.Files[Current].push_back({Start, Start + Count - 1});
  }
  return Result;
}

/// Runs git with \p Args; returns its stdout, or an error with the first
/// line of its stderr.
static llvm::Expected<std::string> git(llvm::ArrayRef<llvm::StringRef> Args) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--diff needs git, which is not on PATH");
  llvm::SmallString<128> Out, Err;
  llvm::sys::fs::createTemporaryFile("coro-tidy-git", "out", Out);
  llvm::sys::fs::createTemporaryFile("coro-tidy-git", "err", Err);
  // Removed if the run is interrupted while git runs (SIGINT, SIGTERM).
  llvm::sys::RemoveFileOnSignal(Out);
  llvm::sys::RemoveFileOnSignal(Err);
  std::vector<llvm::StringRef> Argv{*Git};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(Out),
                                                llvm::StringRef(Err)};
  int RC = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  auto Read = [](llvm::StringRef Path) {
    auto B = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
    std::string Text = B ? (*B)->getBuffer().str() : "";
    llvm::sys::fs::remove(Path);
    llvm::sys::DontRemoveFileOnSignal(Path);
    return Text;
  };
  std::string Stdout = Read(Out), Stderr = Read(Err);
  if (RC != 0)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::StringRef(Stderr).trim().split('\n').first.str());
  return Stdout;
}

std::optional<std::string> gitTopLevel(llvm::StringRef Dir) {
  auto Root = Dir.empty() ? git({"rev-parse", "--show-toplevel"})
                          : git({"-C", Dir, "rev-parse", "--show-toplevel"});
  if (!Root) {
    llvm::consumeError(Root.takeError());
    return std::nullopt;
  }
  return llvm::StringRef(*Root).trim().str();
}

/// git's empty tree: what the first commit of a repository is compared to.
static constexpr const char *EmptyTree =
    "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

llvm::Expected<ChangedLines> changedLinesSince(llvm::StringRef Rev) {
  auto Root = git({"rev-parse", "--show-toplevel"});
  if (!Root) {
    llvm::consumeError(Root.takeError());
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--diff needs a git work tree, and the current directory is not in one");
  }
  std::string Revision = Rev.empty() ? "HEAD" : Rev.str();
  // FROM...TO (pre-commit's PRE_COMMIT_FROM_REF/TO_REF): both must exist.
  llvm::SmallVector<std::string, 2> Ends;
  llvm::StringRef Range(Revision);
  if (size_t Dots = Range.find(".."); Dots != llvm::StringRef::npos) {
    Ends.push_back(Range.take_front(Dots).str());
    Ends.push_back(Range.drop_front(Dots).ltrim('.').str());
  } else {
    Ends.push_back(Revision);
  }
  for (const std::string &End : Ends) {
    auto Verified =
        git({"rev-parse", "--verify", "--quiet", End + "^{commit}"});
    if (Verified)
      continue;
    llvm::consumeError(Verified.takeError());
    // The first commit of a new repository: everything is new.
    if (Revision == "HEAD") {
      Revision = EmptyTree;
      break;
    }
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--diff: unknown git revision '" + End +
                                       "'");
  }
  auto Diff = git({"diff", "-U0", "--no-color", "--no-ext-diff",
                   "--no-renames", Revision, "--"});
  if (!Diff)
    return Diff.takeError();
  return parseUnifiedDiff(*Diff, llvm::StringRef(*Root).trim());
}

} // namespace coro_tidy
