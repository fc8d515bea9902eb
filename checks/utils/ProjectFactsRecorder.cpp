//===--- ProjectFactsRecorder.cpp -----------------------------------------===//

#include "ProjectFactsRecorder.h"
#include "Coroutines.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <map>
#include <mutex>

namespace clang::tidy::coro::utils {

namespace {

/// Where \p FD was written: for an instantiation, its pattern.
SourceLocation writtenAt(const FunctionDecl *FD) {
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    return Pattern->getLocation();
  return FD->getLocation();
}

bool inSystemHeader(const FunctionDecl *FD) {
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  return SM.isInSystemHeader(SM.getExpansionLoc(writtenAt(FD)));
}

/// A call that runs whichever override the object has.
bool isVirtualCall(const CallStep &Step) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Step.Callee);
  if (!MD || !MD->isVirtual() || MD->hasAttr<FinalAttr>() ||
      MD->getParent()->hasAttr<FinalAttr>())
    return false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Step.Call))
    if (const auto *ME = dyn_cast<MemberExpr>(Member->getCallee()))
      return !ME->hasQualifier(); // `Base::f()` calls exactly Base::f.
  return isa<CXXOperatorCallExpr>(Step.Call);
}

} // namespace

/// A definition the facts can describe: a body of code outside system
/// headers.
static bool isRecordable(const FunctionDecl *FD) {
  return FD && FD->doesThisDeclarationHaveABody() &&
         !FD->isDependentContext() && !FD->isInvalidDecl() &&
         !inSystemHeader(FD);
}

void FactsRecorder::addDefinition(const FunctionDecl *FD) {
  if (isRecordable(FD))
    Definitions.try_emplace(FD);
}

void FactsRecorder::leftOpen(const FunctionDecl *Coroutine,
                             const CallStep &Step) {
  if (!Coroutine || Coroutine->isDependentContext())
    return;
  Definitions[Coroutine].push_back(Step);
}

const std::string &FactsRecorder::usr(const FunctionDecl *FD) {
  auto [It, New] = Usrs.try_emplace(FD);
  if (New) {
    llvm::SmallString<128> Buf;
    if (!index::generateUSRForDecl(FD, Buf))
      It->second = std::string(Buf);
  }
  return It->second;
}

FactPlace FactsRecorder::place(SourceLocation Loc, const SourceManager &SM) {
  FactPlace P;
  Loc = SM.getFileLoc(Loc);
  FileID FID = SM.getFileID(Loc);
  auto [It, New] = Files.try_emplace(FID.getHashValue());
  if (New)
    if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(FID)) {
      llvm::SmallString<256> Path(Entry->getName());
      llvm::sys::fs::make_absolute(Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      It->second = std::string(Path);
    }
  P.File = It->second;
  P.Offset = SM.getFileOffset(Loc);
  P.Line = SM.getSpellingLineNumber(Loc);
  P.Column = SM.getSpellingColumnNumber(Loc);
  return P;
}

bool FactsRecorder::record(const CallStep &Step, const CallChainFinder &Finder,
                           CallFact &Out) {
  const FunctionDecl *Callee = Step.Callee;
  if (Callee->isDependentContext() || inSystemHeader(Callee))
    return false;
  // A coroutine defined here is never followed (except a synchronous
  // generator, whose body runs in its caller); one defined elsewhere is
  // recorded as a coroutine, or a generator, by its own unit.
  if (const FunctionDecl *Def = Callee->getDefinition())
    if (isCoroutine(Def) && !Finder.isSyncGenerator(Def))
      return false;
  Out.Callee = usr(Callee);
  if (Out.Callee.empty())
    return false;
  Out.Name = Names.Function(Callee);
  Out.Place =
      place(Step.location(), Callee->getASTContext().getSourceManager());
  Out.Virtual = isVirtualCall(Step);
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee))
    Out.Pure = MD->isPureVirtual();
  return true;
}

/// Whether \p FD must be in the unit's facts whatever reaches it: other
/// units may call it without seeing its body. A function of a header is
/// seen by every unit that can call it (it is inline, or a template), so
/// each of those units records it when its own chains reach it; overrides
/// are recorded where they are defined, for the dispatch of virtual calls.
static bool isRoot(const FunctionDecl *FD) {
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  if (SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
    return true;
  if (FD->getTemplateSpecializationKind() ==
      TSK_ExplicitInstantiationDefinition)
    return true;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return MD && MD->isVirtual();
}

AnalysisFacts FactsRecorder::finish(CallChainFinder &Finder,
                                    llvm::StringRef Check, unsigned MaxDepth,
                                    bool AnyOverride) {
  AnalysisFacts Facts;
  Facts.Check = Check.str();
  Facts.MaxDepth = MaxDepth;
  Facts.AnyOverride = AnyOverride;
  // The roots, and every function of the unit their calls reach.
  llvm::DenseMap<const FunctionDecl *, FunctionFacts> Recorded;
  std::vector<const FunctionDecl *> Work;
  for (auto &[FD, Open] : Definitions)
    if (isRoot(FD) || !Open.empty())
      Work.push_back(FD);
  // Reached definitions the matchers did not hand over (a template of a
  // header instantiated here, when only the main file is traversed, as in
  // the language server) come after the others, in the order reached.
  auto Reach = [&](const FunctionDecl *Callee) {
    const FunctionDecl *Def = Callee->getDefinition();
    if (!Def || Recorded.count(Def))
      return;
    if (!Definitions.count(Def)) {
      if (!isRecordable(Def))
        return;
      Definitions.try_emplace(Def);
    }
    Work.push_back(Def);
  };
  while (!Work.empty()) {
    const FunctionDecl *FD = Work.back();
    Work.pop_back();
    if (Recorded.count(FD))
      continue;
    FunctionFacts &F = Recorded[FD];
    const SourceManager &SM = FD->getASTContext().getSourceManager();
    F.Usr = usr(FD);
    // A synchronous generator's body runs in whoever iterates it: its
    // facts are a plain function's, followed from other units too.
    F.Coroutine = isCoroutine(FD) && !Finder.isSyncGenerator(FD);
    F.Name = Names.Function(FD);
    F.Place = place(FD->getLocation(), SM);
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
      // Every method it overrides, however far up: a dispatch on any of
      // them may land here.
      llvm::SmallVector<const CXXMethodDecl *, 4> Up(
          MD->overridden_methods().begin(), MD->overridden_methods().end());
      llvm::SmallPtrSet<const CXXMethodDecl *, 8> Seen;
      while (!Up.empty()) {
        const CXXMethodDecl *Base = Up.pop_back_val();
        if (!Seen.insert(Base).second)
          continue;
        if (const std::string &U = usr(Base); !U.empty())
          F.Overrides.push_back(U);
        Up.append(Base->overridden_methods().begin(),
                  Base->overridden_methods().end());
      }
    }
    if (F.Coroutine) {
      F.CoroutineName = Names.Coroutine(FD);
      // A copy: Reach may add to Definitions.
      std::vector<CallStep> Open = Definitions[FD];
      for (const CallStep &Step : Open) {
        CallFact Call;
        if (record(Step, Finder, Call)) {
          F.Calls.push_back(std::move(Call));
          Reach(Step.Callee);
        }
      }
      continue;
    }
    F.Marked = Names.Mark(FD);
    if (F.Marked != FunctionFacts::Mark::None)
      continue;
    forEachOwnCall(FD, [&](const CallStep &Step) {
      switch (Finder.verdict(Step)) {
      case CallVerdict::Sink:
        if (!F.Sink)
          F.Sink = SinkFact{place(Step.location(), SM),
                            Names.Sink(Step)};
        return;
      case CallVerdict::Opaque:
        return;
      case CallVerdict::Follow: {
        CallFact Call;
        if (record(Step, Finder, Call)) {
          F.Calls.push_back(std::move(Call));
          Reach(Step.Callee);
        }
        return;
      }
      }
    }, /*SkipColdPaths=*/true);
  }
  // In the order the unit defines them: the same facts for every run.
  for (auto &Entry : Definitions) {
    auto It = Recorded.find(Entry.first);
    if (It == Recorded.end() || It->second.Usr.empty())
      continue;
    FunctionFacts &F = It->second;
    if (F.Coroutine && F.Calls.empty() && F.Overrides.empty())
      continue; // Nothing for the graph: no one follows a coroutine.
    Facts.Functions.push_back(std::move(F));
  }
  Definitions.clear();
  Usrs.clear();
  Files.clear();
  return Facts;
}

const std::vector<UnitFacts> *loadIndex(llvm::StringRef IndexPath,
                                        std::string &Warning) {
  struct Loaded {
    llvm::sys::TimePoint<> Modified;
    uint64_t Size = 0;
    std::optional<std::vector<UnitFacts>> Units;
    std::string Warning;
  };
  static std::mutex Lock;
  static std::map<std::string, Loaded> Memo;
  std::lock_guard<std::mutex> Guard(Lock);
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(IndexPath, Status)) {
    Warning = "project index '" + IndexPath.str() + "' unreadable: " +
              EC.message() + "; cross-file chains are not reported";
    return nullptr;
  }
  Loaded &L = Memo[IndexPath.str()];
  if (L.Units && L.Modified == Status.getLastModificationTime() &&
      L.Size == Status.getSize())
    return &*L.Units;
  L = Loaded();
  L.Modified = Status.getLastModificationTime();
  L.Size = Status.getSize();
  auto Fail = [&](const llvm::Twine &Why) -> const std::vector<UnitFacts> * {
    Warning = ("project index '" + IndexPath + "' ignored: " + Why).str();
    return nullptr;
  };
  auto Buffer = llvm::MemoryBuffer::getFile(IndexPath, /*IsText=*/true);
  if (!Buffer)
    return Fail(Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return Fail(llvm::toString(Parsed.takeError()));
  llvm::Expected<std::vector<UnitFacts>> Units = indexFromJSON(*Parsed);
  if (!Units)
    return Fail(llvm::toString(Units.takeError()));
  L.Units = std::move(*Units);
  return &*L.Units;
}

void emitProjectFinding(
    const ProjectFinding &Finding, SourceManager &SM,
    llvm::function_ref<void(SourceLocation, llvm::StringRef,
                            DiagnosticIDs::Level)>
        Emit) {
  auto Locate = [&](const FactPlace &P) -> SourceLocation {
    llvm::Expected<FileEntryRef> File =
        SM.getFileManager().getFileRef(P.File);
    if (!File) {
      llvm::consumeError(File.takeError());
      return {};
    }
    FileID FID = SM.getOrCreateFileID(*File, SrcMgr::C_User);
    std::optional<llvm::MemoryBufferRef> Buffer = SM.getBufferOrNone(FID);
    if (!Buffer || P.Offset > Buffer->getBufferSize())
      return {};
    return SM.getComposedLoc(FID, P.Offset);
  };
  SourceLocation Main = Locate(Finding.Place);
  if (Main.isInvalid())
    return;
  Emit(Main, Finding.Message, DiagnosticIDs::Warning);
  for (const FindingNote &Note : Finding.Notes) {
    SourceLocation Loc = Locate(Note.Place);
    if (Loc.isValid())
      Emit(Loc, Note.Message, DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::coro::utils
