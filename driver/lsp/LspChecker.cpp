//===--- LspChecker.cpp ---------------------------------------------------===//

#include "LspChecker.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclGroup.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"

using namespace clang;
using namespace clang::tidy;

namespace coro_tidy::lsp {

llvm::StringRef name(PreambleUse Use) {
  switch (Use) {
  case PreambleUse::None:
    return "none";
  case PreambleUse::Built:
    return "built";
  case PreambleUse::Reused:
    return "reused";
  case PreambleUse::KnownBroken:
    return "not rebuilt (its headers do not compile)";
  }
  return "none";
}

namespace {

/// The real file system with the document's buffer over it. A physical
/// file system of its own, so that entering the command's directory does
/// not change this process's.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
bufferOverDisk(const CheckInput &Input) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> Overlay(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::createPhysicalFileSystem()));
  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> Buffers(
      new llvm::vfs::InMemoryFileSystem());
  Buffers->addFile(
      Input.File, /*ModificationTime=*/0,
      llvm::MemoryBuffer::getMemBufferCopy(Input.Text, Input.File));
  // The preamble's reuse check compares a header's size and modification
  // time, not its content: an open document's time is a hash of its text,
  // so that an edit of it, even of the same size, builds a new preamble.
  for (const auto &[Path, Text] : Input.OtherBuffers)
    if (Path != Input.File)
      Buffers->addFile(Path,
                       static_cast<time_t>((llvm::xxh3_64bits(Text) >> 34) | 1),
                       llvm::MemoryBuffer::getMemBufferCopy(Text, Path));
  Overlay->pushOverlay(Buffers);
  if (!Input.Command.Directory.empty())
    Overlay->setCurrentWorkingDirectory(Input.Command.Directory);
  return Overlay;
}

/// The compiler arguments for a syntax-only parse, adjusted as clang-tidy
/// adjusts a database command (and as the command line's checkUnit does):
/// no outputs or dependency files, the configuration's ExtraArgs and
/// ExtraArgsBefore, no plugins.
std::vector<std::string> compilerArgs(const CheckInput &Input,
                                      const ClangTidyOptions &Options) {
  using namespace clang::tooling;
  CommandLineArguments Args = Input.Command.CommandLine;
  for (const ArgumentsAdjuster &Adjust :
       {getClangStripOutputAdjuster(), getClangSyntaxOnlyAdjuster(),
        getClangStripDependencyFileAdjuster()})
    Args = Adjust(Args, Input.File);
  if (Options.ExtraArgsBefore && !Args.empty())
    Args.insert(Args.begin() + 1, Options.ExtraArgsBefore->begin(),
                Options.ExtraArgsBefore->end());
  if (Options.ExtraArgs)
    Args.insert(Args.end(), Options.ExtraArgs->begin(),
                Options.ExtraArgs->end());
  return getStripPluginsAdjuster()(Args, Input.File);
}

/// Keeps the first error the compiler driver reports.
class FirstError : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level >= DiagnosticsEngine::Error && Message.empty()) {
      llvm::SmallString<128> Text;
      Info.FormatDiagnostic(Text);
      Message = std::string(Text);
    }
  }
  std::string Message;
};

/// The compiler invocation of \p Args for \p File; null if the command is
/// unusable (\p Why says why).
std::unique_ptr<CompilerInvocation>
invocationOf(const std::vector<std::string> &Args, llvm::StringRef File,
             llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS,
             std::string &Why) {
  std::vector<const char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());
  FirstError Errors;
  CreateInvocationOptions Options;
  Options.Diags = CompilerInstance::createDiagnostics(new DiagnosticOptions(),
                                                      &Errors, false);
  Options.VFS = VFS;
  Options.ProbePrecompiled = false;
  std::unique_ptr<CompilerInvocation> CI = createInvocation(Argv, Options);
  if (CI &&
      (CI->getFrontendOpts().Inputs.size() != 1 ||
       llvm::sys::path::filename(CI->getFrontendOpts().Inputs[0].getFile()) !=
           llvm::sys::path::filename(File))) {
    Why = "the compile command does not compile exactly this file";
    return nullptr;
  }
  if (!CI) {
    Why = Errors.Message.empty() ? "unusable compile command" : Errors.Message;
    return nullptr;
  }
  // As clang-tidy: code may test __clang_analyzer__ to hide itself.
  CI->getPreprocessorOpts().SetUpStaticAnalyzer = true;
  // The check runs in a child process that exits right after.
  CI->getFrontendOpts().DisableFree = true;
  return CI;
}

/// Limits the checks' AST traversal to the document's own top-level
/// declarations, as clangd does: with a preamble, walking the translation
/// unit would deserialize every declaration of every header. Checks still
/// follow calls into headers (the AST loads what they reach), and the
/// findings this server publishes are the document's.
class DocumentScope : public ASTConsumer {
public:
  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    for (Decl *D : Group)
      Parsed.push_back(D);
    return true;
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<Decl *> Scope;
    for (Decl *D : Parsed)
      if (SM.isWrittenInMainFile(SM.getExpansionLoc(D->getLocation())))
        Scope.push_back(D);
    Ctx.setTraversalScope(Scope);
  }

private:
  std::vector<Decl *> Parsed;
};

/// The absolute paths of every file \p SM read.
void filesRead(SourceManager &SM, std::vector<std::string> &Files) {
  FileManager &FM = SM.getFileManager();
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    llvm::SmallString<256> Path(It->first.getName());
    FM.makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Files.push_back(std::string(Path));
  }
}

/// Records the headers the preamble read: with a preamble, the check's own
/// parse does not open them.
class PreambleFiles : public PreambleCallbacks {
public:
  void AfterExecute(CompilerInstance &CI) override {
    filesRead(CI.getSourceManager(), Files);
  }
  std::vector<std::string> Files;
};

class CheckAction : public ASTFrontendAction {
public:
  CheckAction(ClangTidyASTConsumerFactory &Factory,
              std::vector<std::string> &Includes)
      : Factory(Factory), Includes(Includes) {}
  void EndSourceFileAction() override {
    filesRead(getCompilerInstance().getSourceManager(), Includes);
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::make_unique<DocumentScope>());
    Consumers.push_back(Factory.createASTConsumer(CI, File));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  std::vector<std::string> &Includes;
};

std::string normalised(llvm::StringRef Dir, llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  if (!Path.empty() && llvm::sys::path::is_relative(Abs)) {
    Abs = Dir;
    llvm::sys::path::append(Abs, Path);
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

void normalisePaths(tooling::DiagnosticMessage &M, llvm::StringRef Dir) {
  M.FilePath = normalised(Dir, M.FilePath);
  for (tooling::FileByteRange &R : M.Ranges)
    R.FilePath = normalised(Dir, R.FilePath);
  llvm::StringMap<tooling::Replacements> Fix;
  for (const auto &Entry : M.Fix)
    for (const tooling::Replacement &R : Entry.getValue()) {
      tooling::Replacement Abs(normalised(Dir, R.getFilePath()), R.getOffset(),
                               R.getLength(), R.getReplacementText());
      llvm::consumeError(Fix[Abs.getFilePath()].add(Abs));
    }
  M.Fix = std::move(Fix);
}

UnitResult commandError(const CheckInput &Input, llvm::StringRef Why) {
  UnitResult Result;
  ClangTidyError E("clang-diagnostic-error", ClangTidyError::Error,
                   Input.Command.Directory, false);
  E.Message.Message = Why.str();
  E.Message.FilePath = Input.File;
  E.Message.FileOffset = 0;
  Result.Errors.push_back(std::move(E));
  return Result;
}

} // namespace

PreambleUse DocumentChecker::preparePreamble(const CheckInput &Input) {
  std::unique_ptr<ClangTidyOptionsProvider> Provider = MakeProvider();
  std::vector<std::string> Args =
      compilerArgs(Input, Provider->getOptions(Input.File));
  auto VFS = bufferOverDisk(Input);
  std::string Why;
  std::unique_ptr<CompilerInvocation> CI =
      invocationOf(Args, Input.File, VFS, Why);
  if (!CI) {
    Preamble.reset();
    return PreambleUse::None;
  }
  auto Buffer =
      llvm::MemoryBuffer::getMemBuffer(Input.Text, Input.File,
                                       /*RequiresNullTerminator=*/false);
  PreambleBounds Bounds =
      ComputePreambleBounds(CI->getLangOpts(), Buffer->getMemBufferRef(), 0);
  if (Preamble && PreambleArgs == Args &&
      Preamble->CanReuse(*CI, Buffer->getMemBufferRef(), Bounds, *VFS))
    return PreambleUse::Reused;
  Preamble.reset();
  if (Bounds.Size == 0)
    return PreambleUse::None;
  std::string Key =
      llvm::join(Args, "\n") + '\0' + Input.Text.substr(0, Bounds.Size);
  if (Key == BrokenPreamble)
    return PreambleUse::KnownBroken;
  // The preamble's messages are not shown: one with errors is dropped and
  // the check, parsing everything, reports them.
  IgnoringDiagConsumer Errors;
  IntrusiveRefCntPtr<DiagnosticsEngine> Diags =
      CompilerInstance::createDiagnostics(new DiagnosticOptions(), &Errors,
                                          /*ShouldOwnClient=*/false);
  PreambleFiles Callbacks;
  auto Built = PrecompiledPreamble::Build(
      *CI, Buffer.get(), Bounds, *Diags, VFS,
      std::make_shared<PCHContainerOperations>(), /*StoreInMemory=*/true,
      /*StoragePath=*/"", Callbacks);
  // The engine, not the consumer, counts what the preamble's build saw.
  if (!Built || Diags->hasErrorOccurred()) {
    BrokenPreamble = std::move(Key);
    return PreambleUse::None;
  }
  BrokenPreamble.clear();
  Preamble.emplace(std::move(*Built));
  PreambleIncludes = std::move(Callbacks.Files);
  PreambleArgs = std::move(Args);
  return PreambleUse::Built;
}

UnitResult DocumentChecker::check(const CheckInput &Input) {
  ClangTidyContext Context(MakeProvider());
  Context.setCurrentFile(Input.File);
  std::vector<std::string> Args =
      compilerArgs(Input, Context.getOptionsForFile(Input.File));
  auto VFS = bufferOverDisk(Input);
  std::string Why;
  std::unique_ptr<CompilerInvocation> CI =
      invocationOf(Args, Input.File, VFS, Why);
  if (!CI)
    return commandError(Input, Why);

  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr,
                                           /*RemoveIncompatibleErrors=*/true,
                                           /*GetFixesFromNotes=*/false);
  DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(),
                       &DiagConsumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);

  // The source manager owns the remapped buffer (RetainRemappedFileBuffers
  // is off).
  std::unique_ptr<llvm::MemoryBuffer> Buffer =
      llvm::MemoryBuffer::getMemBufferCopy(Input.Text, Input.File);
  llvm::MemoryBuffer *Main = Buffer.release();
  bool UsesPreamble = false;
  if (Preamble && PreambleArgs == Args) {
    auto Bounds =
        ComputePreambleBounds(CI->getLangOpts(), Main->getMemBufferRef(), 0);
    UsesPreamble =
        Preamble->CanReuse(*CI, Main->getMemBufferRef(), Bounds, *VFS);
    if (UsesPreamble)
      Preamble->AddImplicitPreamble(*CI, VFS, Main);
    else
      CI->getPreprocessorOpts().addRemappedFile(Input.File, Main);
  } else {
    CI->getPreprocessorOpts().addRemappedFile(Input.File, Main);
  }

  CompilerInstance Clang(std::make_shared<PCHContainerOperations>());
  Clang.setInvocation(std::move(CI));
  Clang.createDiagnostics(&DiagConsumer, /*ShouldOwnClient=*/false);
  VFS = createVFSFromCompilerInvocation(Clang.getInvocation(),
                                        Clang.getDiagnostics(), VFS);
  Clang.createFileManager(VFS);
  UnitResult Result;
  Result.Includes.push_back(Input.File);
  if (UsesPreamble)
    Result.Includes.insert(Result.Includes.end(), PreambleIncludes.begin(),
                           PreambleIncludes.end());
  ClangTidyASTConsumerFactory Factory(Context);
  CheckAction Action(Factory, Result.Includes);
  Clang.ExecuteAction(Action);
  llvm::sort(Result.Includes.begin() + 1, Result.Includes.end());
  Result.Includes.erase(
      std::unique(Result.Includes.begin() + 1, Result.Includes.end()),
      Result.Includes.end());

  Result.Errors = DiagConsumer.take();
  for (ClangTidyError &E : Result.Errors) {
    normalisePaths(E.Message, E.BuildDirectory);
    for (tooling::DiagnosticMessage &N : E.Notes)
      normalisePaths(N, E.BuildDirectory);
  }
  return Result;
}

} // namespace coro_tidy::lsp
