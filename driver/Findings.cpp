//===--- Findings.cpp -----------------------------------------------------===//

#include "Findings.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace clang;
using namespace clang::tidy;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace coro_tidy {

static Value messageToJSON(const tooling::DiagnosticMessage &M) {
  Array Fixes;
  for (const auto &Entry : M.Fix)
    for (const tooling::Replacement &R : Entry.getValue())
      Fixes.push_back(Object{{"file", R.getFilePath()},
                             {"offset", R.getOffset()},
                             {"length", R.getLength()},
                             {"text", R.getReplacementText()}});
  Array Ranges;
  for (const tooling::FileByteRange &R : M.Ranges)
    Ranges.push_back(Object{{"file", R.FilePath},
                            {"offset", R.FileOffset},
                            {"length", R.Length}});
  return Object{{"message", M.Message},
                {"file", M.FilePath},
                {"offset", M.FileOffset},
                {"fixes", std::move(Fixes)},
                {"ranges", std::move(Ranges)}};
}

static bool messageFromJSON(const Value &V, tooling::DiagnosticMessage &M) {
  const Object *O = V.getAsObject();
  if (!O)
    return false;
  auto Message = O->getString("message");
  auto File = O->getString("file");
  auto Offset = O->getInteger("offset");
  if (!Message || !File || !Offset)
    return false;
  M.Message = Message->str();
  M.FilePath = File->str();
  M.FileOffset = static_cast<unsigned>(*Offset);
  if (const Array *Fixes = O->getArray("fixes"))
    for (const Value &F : *Fixes) {
      const Object *FO = F.getAsObject();
      if (!FO)
        return false;
      auto FFile = FO->getString("file");
      auto FOffset = FO->getInteger("offset");
      auto FLength = FO->getInteger("length");
      auto FText = FO->getString("text");
      if (!FFile || !FOffset || !FLength || !FText)
        return false;
      tooling::Replacement R(*FFile, *FOffset, *FLength, *FText);
      if (llvm::Error E = M.Fix[R.getFilePath()].add(R)) {
        llvm::consumeError(std::move(E));
        return false;
      }
    }
  if (const Array *Ranges = O->getArray("ranges"))
    for (const Value &R : *Ranges) {
      const Object *RO = R.getAsObject();
      if (!RO)
        return false;
      tooling::FileByteRange Range;
      Range.FilePath = RO->getString("file").value_or("").str();
      Range.FileOffset = RO->getInteger("offset").value_or(0);
      Range.Length = RO->getInteger("length").value_or(0);
      M.Ranges.push_back(Range);
    }
  return true;
}

Value toJSON(const ClangTidyError &E) {
  Array Notes;
  for (const tooling::DiagnosticMessage &N : E.Notes)
    Notes.push_back(messageToJSON(N));
  Array Aliases;
  for (const std::string &A : E.EnabledDiagnosticAliases)
    Aliases.push_back(A);
  return Object{{"check", E.DiagnosticName},
                {"level", static_cast<int>(E.DiagLevel)},
                {"buildDirectory", E.BuildDirectory},
                {"warningAsError", E.IsWarningAsError},
                {"message", messageToJSON(E.Message)},
                {"notes", std::move(Notes)},
                {"aliases", std::move(Aliases)}};
}

Value toJSON(const UnitResult &R) {
  Array Errors;
  for (const ClangTidyError &E : R.Errors)
    Errors.push_back(toJSON(E));
  Array Includes;
  for (const std::string &I : R.Includes)
    Includes.push_back(I);
  Array Absent;
  for (const std::string &A : R.Absent)
    Absent.push_back(A);
  clang::tidy::coro::utils::UnitFacts Facts;
  Facts.Analyses = R.Facts;
  return Object{{"errors", std::move(Errors)},
                {"includes", std::move(Includes)},
                {"absent", std::move(Absent)},
                {"compilerMessages", R.CompilerMessages},
                {"facts", toJSON(Facts)}};
}

std::optional<UnitResult> unitResultFromJSON(const Value &V) {
  const Object *O = V.getAsObject();
  if (!O)
    return std::nullopt;
  const Array *Errors = O->getArray("errors");
  const Array *Includes = O->getArray("includes");
  const Array *Absent = O->getArray("absent");
  if (!Errors || !Includes || !Absent)
    return std::nullopt;
  UnitResult R;
  for (const Value &EV : *Errors) {
    const Object *EO = EV.getAsObject();
    if (!EO)
      return std::nullopt;
    auto Check = EO->getString("check");
    auto Level = EO->getInteger("level");
    auto Dir = EO->getString("buildDirectory");
    auto AsError = EO->getBoolean("warningAsError");
    const Value *Message = EO->get("message");
    if (!Check || !Level || !Dir || !AsError || !Message)
      return std::nullopt;
    ClangTidyError E(*Check, static_cast<ClangTidyError::Level>(*Level), *Dir,
                     *AsError);
    if (!messageFromJSON(*Message, E.Message))
      return std::nullopt;
    if (const Array *Notes = EO->getArray("notes"))
      for (const Value &N : *Notes) {
        tooling::DiagnosticMessage M;
        if (!messageFromJSON(N, M))
          return std::nullopt;
        E.Notes.push_back(std::move(M));
      }
    if (const Array *Aliases = EO->getArray("aliases"))
      for (const Value &A : *Aliases)
        if (auto S = A.getAsString())
          E.EnabledDiagnosticAliases.push_back(S->str());
    R.Errors.push_back(std::move(E));
  }
  for (const Value &I : *Includes) {
    auto S = I.getAsString();
    if (!S)
      return std::nullopt;
    R.Includes.push_back(S->str());
  }
  if (auto Messages = O->getString("compilerMessages"))
    R.CompilerMessages = Messages->str();
  if (const Value *Facts = O->get("facts")) {
    auto Parsed = clang::tidy::coro::utils::unitFactsFromJSON(*Facts);
    if (!Parsed) {
      llvm::consumeError(Parsed.takeError());
      return std::nullopt;
    }
    R.Facts = std::move(Parsed->Analyses);
  }
  for (const Value &A : *Absent) {
    auto S = A.getAsString();
    if (!S)
      return std::nullopt;
    R.Absent.push_back(S->str());
  }
  return R;
}

std::pair<unsigned, unsigned> lineAndColumn(llvm::StringRef File,
                                            unsigned Offset) {
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false);
  if (!Buffer)
    return {0, 0};
  llvm::StringRef Text = (*Buffer)->getBuffer();
  if (Offset > Text.size())
    return {0, 0};
  llvm::StringRef Before = Text.take_front(Offset);
  unsigned Line = 1 + Before.count('\n');
  size_t LastNewline = Before.rfind('\n');
  unsigned Column = LastNewline == llvm::StringRef::npos
                        ? Offset + 1
                        : Offset - static_cast<unsigned>(LastNewline);
  return {Line, Column};
}

} // namespace coro_tidy
