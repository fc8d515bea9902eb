//===--- ProjectAnalysis.cpp ----------------------------------------------===//

#include "ProjectAnalysis.h"
#include "utils/ProjectFactsRecorder.h"
#include "utils/ProjectGraph.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::tidy;
namespace utils = clang::tidy::coro::utils;

namespace coro_tidy {

namespace {

std::string absolute(llvm::StringRef File) {
  llvm::SmallString<256> Path(File);
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

/// Emits \p Findings as if the checks of \p MainFile's unit had.
std::vector<ClangTidyError>
emitInUnit(llvm::StringRef MainFile,
           const std::vector<utils::ProjectFinding> &Findings,
           const ProviderFactory &MakeProvider, bool KeepFixes) {
  ClangTidyContext Context(MakeProvider());
  Context.setCurrentFile(MainFile);
  ClangTidyDiagnosticConsumer Consumer(Context, nullptr,
                                       /*RemoveIncompatibleErrors=*/true,
                                       /*GetFixesFromNotes=*/KeepFixes);
  DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(), &Consumer,
                       /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);
  FileManager Files{FileSystemOptions()};
  SourceManager SM(DE, Files);
  llvm::Expected<FileEntryRef> Main = Files.getFileRef(MainFile);
  if (!Main) {
    llvm::consumeError(Main.takeError());
    return {};
  }
  SM.setMainFileID(SM.getOrCreateFileID(*Main, SrcMgr::C_User));
  Context.setSourceManager(&SM);
  LangOptions Lang;
  Lang.CPlusPlus = Lang.CPlusPlus20 = true;
  Consumer.BeginSourceFile(Lang, nullptr);
  for (const utils::ProjectFinding &Finding : Findings)
    utils::emitProjectFinding(
        Finding, SM,
        [&](SourceLocation Loc, llvm::StringRef Message,
            DiagnosticIDs::Level Level) {
          Context.diag(Finding.Check, Loc, "%0", Level) << Message;
        });
  Consumer.EndSourceFile();
  return Consumer.take();
}

} // namespace

std::vector<ClangTidyError>
crossFileFindings(const std::vector<UnitFacts> &Units,
                  const std::vector<UnitFacts> &Others,
                  const ProviderFactory &MakeProvider, bool KeepFixes) {
  utils::ProjectGraph Graph;
  for (const UnitFacts &U : Units)
    Graph.add(U);
  for (const UnitFacts &U : Others)
    Graph.add(U);
  std::vector<ClangTidyError> Errors;
  for (const UnitFacts &U : Units) {
    std::vector<utils::ProjectFinding> Findings = Graph.findingsFor(U);
    if (Findings.empty())
      continue;
    for (ClangTidyError &E : emitInUnit(U.MainFile, Findings, MakeProvider,
                                        KeepFixes))
      Errors.push_back(std::move(E));
  }
  return Errors;
}

std::vector<UnitFacts> updatedIndex(std::vector<UnitFacts> Old,
                                    const std::vector<UnitFacts> &Units,
                                    const std::vector<std::string> &DatabaseFiles) {
  llvm::StringSet<> InDatabase;
  for (const std::string &File : DatabaseFiles)
    InDatabase.insert(absolute(File));
  llvm::StringMap<const UnitFacts *> Fresh;
  for (const UnitFacts &U : Units)
    Fresh[U.MainFile] = &U;
  std::vector<UnitFacts> Index;
  for (UnitFacts &U : Old)
    if (InDatabase.contains(U.MainFile) && !Fresh.count(U.MainFile))
      Index.push_back(std::move(U));
  for (const UnitFacts &U : Units)
    if (InDatabase.contains(U.MainFile))
      Index.push_back(U);
  llvm::sort(Index, [](const UnitFacts &A, const UnitFacts &B) {
    return A.MainFile < B.MainFile;
  });
  return Index;
}

} // namespace coro_tidy
