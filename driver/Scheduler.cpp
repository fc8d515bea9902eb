//===--- Scheduler.cpp ----------------------------------------------------===//

#include "Scheduler.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <deque>

using namespace clang;
using namespace clang::tidy;

namespace coro_tidy {

static std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

/// The running binary's identity: a rebuilt tool never reuses old results.
static const std::string &toolFingerprint(llvm::StringRef Argv0) {
  static std::string Fingerprint = [&] {
    static int Anchor;
    std::string Exe =
        llvm::sys::fs::getMainExecutable(Argv0.str().c_str(), &Anchor);
    std::string Hash;
    if (auto Buffer = llvm::MemoryBuffer::getFile(Exe, /*IsText=*/false))
      Hash = sha256Hex((*Buffer)->getBuffer());
    return std::string(CORO_TIDY_VERSION) + "/" + Hash;
  }();
  return Fingerprint;
}

/// What identifies a unit across runs: its main file and compile command.
static std::string unitIdentity(const tooling::CompilationDatabase &Compilations,
                                const std::string &File) {
  std::string Identity = absolute(File);
  for (const tooling::CompileCommand &C : Compilations.getCompileCommands(File)) {
    Identity += "\n" + C.Directory;
    for (const std::string &Arg : C.CommandLine)
      Identity += "\n" + Arg;
  }
  return Identity;
}

static std::string
unitKey(ResultCache &Cache, const ProviderFactory &MakeProvider,
        const tooling::CompilationDatabase &Compilations,
        const std::string &File, const RunSettings &Settings) {
  ClangTidyOptions Options = MakeProvider()->getOptions(File);
  std::string OptionsText = configurationAsText(Options);
  OptionsText += Settings.Unit.KeepFixes ? "\nfixes" : "\nno-fixes";
  OptionsText += "\nvfs:" + Settings.Unit.VfsOverlay;
  if (!Settings.Unit.VfsOverlay.empty())
    OptionsText += "\n" + Cache.hashFile(Settings.Unit.VfsOverlay);
  OptionsText += Settings.Unit.ModuleHeadersParsing ? "\nmodules" : "";
  OptionsText += Settings.Unit.ProjectFacts ? "\nfacts" : "";
  return Cache.key(toolFingerprint(Settings.Argv0), OptionsText,
                   unitIdentity(Compilations, File), absolute(File));
}

static bool hasCompileError(const UnitResult &R) {
  return llvm::any_of(R.Errors, [](const ClangTidyError &E) {
    return E.DiagLevel == ClangTidyError::Error && !E.IsWarningAsError;
  });
}

RunOutcome checkUnits(const std::vector<std::string> &Files,
                      const ProviderFactory &MakeProvider,
                      const tooling::CompilationDatabase &Compilations,
                      ResultCache *Cache, const RunSettings &Settings,
                      const UnitCallback &OnUnit) {
  RunOutcome Outcome;
  Outcome.Units.resize(Files.size());
  std::vector<std::string> Keys(Files.size());
  std::vector<bool> Finished(Files.size(), false);
  std::deque<size_t> Pending;
  size_t Done = 0, Delivered = 0;
  auto ShowProgress = [&](const std::string &File) {
    if (Settings.Progress == ProgressStyle::Terminal)
      llvm::errs() << "\r\033[K[" << Done << "/" << Files.size() << "] "
                   << File;
  };
  // Hands finished units to the callback in input order.
  auto Deliver = [&] {
    while (Delivered < Files.size() && Finished[Delivered]) {
      // In a log, units are announced in input order, so that the log is
      // the same for every -j.
      if (Settings.Progress == ProgressStyle::Lines)
        llvm::errs() << "[" << Delivered + 1 << "/" << Files.size() << "] "
                     << Files[Delivered] << "\n";
      if (OnUnit) {
        if (Settings.Progress == ProgressStyle::Terminal)
          llvm::errs() << "\r\033[K";
        OnUnit(Outcome.Units[Delivered]);
      }
      ++Delivered;
    }
  };
  for (size_t I = 0; I < Files.size(); ++I) {
    Outcome.Units[I].File = Files[I];
    if (Cache) {
      Keys[I] = unitKey(*Cache, MakeProvider, Compilations, Files[I], Settings);
      if (auto Hit = Cache->lookup(Keys[I])) {
        Outcome.Units[I].CompilerMessages = Hit->CompilerMessages;
        Outcome.Units[I].Result = std::move(*Hit);
        Outcome.Units[I].FromCache = true;
        Finished[I] = true;
        ++Done;
        ShowProgress(Files[I]);
        Deliver();
        continue;
      }
    }
    Pending.push_back(I);
  }

  std::vector<IsolatedRun> Running;
  std::vector<size_t> RunningIndex;
  while (!Pending.empty() || !Running.empty()) {
    while (!Pending.empty() && Running.size() < Settings.Jobs) {
      size_t I = Pending.front();
      Pending.pop_front();
      Running.push_back(startIsolated(MakeProvider, Compilations, Files[I],
                                      Settings.Unit));
      RunningIndex.push_back(I);
    }
    auto [Slot, Exited] = waitAny(Running);
    if (Slot == Running.size())
      continue; // Not one of ours.
    size_t I = RunningIndex[Slot];
    Running.erase(Running.begin() + Slot);
    RunningIndex.erase(RunningIndex.begin() + Slot);
    UnitOutcome &Unit = Outcome.Units[I];
    Unit.CompilerMessages = std::move(Exited.Stderr);
    if (!Exited.InternalError.empty())
      Outcome.InternalErrors.push_back(Exited.InternalError);
    Unit.Result = std::move(Exited.Result);
    // A unit that does not compile may be missing a header that appears
    // later; its include list cannot vouch for it, so it is not cached.
    if (Unit.Result)
      Unit.Result->CompilerMessages = Unit.CompilerMessages;
    if (Cache && Unit.Result && !hasCompileError(*Unit.Result)) {
      Cache->store(Keys[I], *Unit.Result);
      Cache->storeIncludes(unitIdentity(Compilations, Files[I]),
                           Unit.Result->Includes);
    }
    Finished[I] = true;
    ++Done;
    ShowProgress(Files[I]);
    Deliver();
  }
  Deliver();
  if (Settings.Progress == ProgressStyle::Terminal && !Files.empty())
    llvm::errs() << "\r\033[K";
  return Outcome;
}

static bool isSourceFile(llvm::StringRef Path) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  return llvm::is_contained({".c", ".cc", ".cpp", ".cxx", ".c++", ".C", ".m",
                             ".mm", ".cu"},
                            Ext);
}

/// True if \p Source has an #include line naming \p Header's file name.
static bool mentionsInclude(llvm::StringRef Source, llvm::StringRef Header) {
  auto Buffer = llvm::MemoryBuffer::getFile(Source, /*IsText=*/true);
  if (!Buffer)
    return false;
  llvm::StringRef Name = llvm::sys::path::filename(Header);
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.ltrim();
    if (!Line.consume_front("#"))
      continue;
    Line = Line.ltrim();
    if (Line.consume_front("include") && Line.contains(Name))
      return true;
  }
  return false;
}

std::vector<std::string>
unitsTouchedBy(const ChangedLines &Changed,
               const std::vector<std::string> &Candidates, ResultCache *Cache,
               const ProviderFactory &MakeProvider,
               const tooling::CompilationDatabase &Compilations,
               const RunSettings &Settings, bool AddChangedSources) {
  llvm::StringSet<> ChangedFiles;
  for (const auto &Entry : Changed.Files)
    ChangedFiles.insert(Entry.getKey());
  std::vector<std::string> Touched;
  llvm::StringSet<> Added;
  auto Add = [&](const std::string &File) {
    if (Added.insert(absolute(File)).second)
      Touched.push_back(File);
  };
  std::vector<std::string> ChangedHeaders;
  for (const auto &Entry : Changed.Files)
    if (!isSourceFile(Entry.getKey()) && llvm::sys::fs::exists(Entry.getKey()))
      ChangedHeaders.push_back(Entry.getKey().str());
  for (const std::string &Candidate : Candidates) {
    std::string Abs = absolute(Candidate);
    if (ChangedFiles.contains(Abs)) {
      Add(Candidate);
      continue;
    }
    if (ChangedHeaders.empty())
      continue;
    // The unit's include list from its last cached run is exact
    // (transitive includes too); without one, look at its #include lines.
    std::optional<std::vector<std::string>> Includes;
    if (Cache)
      Includes = Cache->includesOf(unitIdentity(Compilations, Candidate));
    for (const std::string &Header : ChangedHeaders) {
      bool Touches = Includes ? llvm::is_contained(*Includes, Header)
                              : mentionsInclude(Abs, Header);
      if (Touches) {
        Add(Candidate);
        break;
      }
    }
  }
  if (AddChangedSources)
    for (const auto &Entry : Changed.Files)
      if (isSourceFile(Entry.getKey()) && llvm::sys::fs::exists(Entry.getKey()))
        Add(Entry.getKey().str());
  return Touched;
}

} // namespace coro_tidy
