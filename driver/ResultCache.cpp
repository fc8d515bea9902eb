//===--- ResultCache.cpp --------------------------------------------------===//

#include "ResultCache.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

namespace coro_tidy {

std::string sha256Hex(llvm::StringRef Data) {
  return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(Data)),
                     /*LowerCase=*/true);
}

llvm::Expected<ResultCache> ResultCache::open(const std::string &Dir) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cache directory '" + Dir + "' " + Why +
                                       " (use --cache-dir=<dir> or --no-cache)");
  };
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return Fail("cannot be created: " + EC.message());
  if (!llvm::sys::fs::is_directory(Dir))
    return Fail("is not a directory");
  if (llvm::sys::fs::access(Dir, llvm::sys::fs::AccessMode::Write) ||
      llvm::sys::fs::access(Dir, llvm::sys::fs::AccessMode::Exist))
    return Fail("is not writable");
  // Probe: permissions bits can lie (root, ACLs); try a real write.
  llvm::SmallString<256> Probe(Dir);
  llvm::sys::path::append(Probe, ".probe-%%%%%%");
  int FD;
  llvm::SmallString<256> ProbePath;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(Probe, FD, ProbePath))
    return Fail("is not writable: " + EC.message());
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  llvm::sys::fs::remove(ProbePath);
  return ResultCache(Dir);
}

std::string ResultCache::hashFile(const std::string &Path) {
  auto It = FileHashes.find(Path);
  if (It != FileHashes.end())
    return It->second;
  std::string Hash;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false))
    Hash = sha256Hex((*Buffer)->getBuffer());
  FileHashes[Path] = Hash;
  return Hash;
}

std::string ResultCache::key(llvm::StringRef ToolFingerprint,
                             llvm::StringRef Options,
                             llvm::StringRef CompileCommand,
                             llvm::StringRef MainFile) {
  std::string Material;
  llvm::raw_string_ostream OS(Material);
  std::string MainHash = hashFile(MainFile.str());
  // Length-prefixed so that no two inputs concatenate to the same text.
  for (llvm::StringRef Part :
       {ToolFingerprint, Options, CompileCommand, MainFile,
        llvm::StringRef(MainHash)})
    OS << Part.size() << ':' << Part << '\n';
  return sha256Hex(OS.str());
}

std::string ResultCache::entryPath(const std::string &Key) const {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key.substr(0, 2), Key + ".json");
  return std::string(Path);
}

std::optional<UnitResult> ResultCache::lookup(const std::string &Key) {
  auto Miss = [&]() -> std::optional<UnitResult> {
    ++Misses;
    return std::nullopt;
  };
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(Key), /*IsText=*/false);
  if (!Buffer)
    return Miss();
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return Miss();
  }
  const llvm::json::Object *Entry = Parsed->getAsObject();
  if (!Entry || Entry->getString("key") != llvm::StringRef(Key))
    return Miss();
  const llvm::json::Array *Files = Entry->getArray("files");
  const llvm::json::Value *Result = Entry->get("result");
  auto Checksum = Entry->getString("checksum");
  if (!Files || !Result || !Checksum)
    return Miss();
  // The entry's own checksum catches truncation and bit rot.
  std::string Serialized;
  llvm::raw_string_ostream(Serialized) << *Result;
  if (sha256Hex(Serialized) != *Checksum)
    return Miss();
  for (const llvm::json::Value &F : *Files) {
    const llvm::json::Object *FO = F.getAsObject();
    if (!FO)
      return Miss();
    auto Path = FO->getString("path");
    auto Hash = FO->getString("sha256");
    if (!Path || !Hash || hashFile(Path->str()) != *Hash)
      return Miss();
  }
  std::optional<UnitResult> Unit = unitResultFromJSON(*Result);
  if (!Unit)
    return Miss();
  // A path the unit looked for in vain now exists: a new header shadows an
  // included one, or makes a __has_include true.
  for (const std::string &Path : Unit->Absent)
    if (llvm::sys::fs::exists(Path))
      return Miss();
  ++Hits;
  return Unit;
}

std::string ResultCache::includesPath(llvm::StringRef Unit) const {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, "includes", sha256Hex(Unit) + ".json");
  return std::string(Path);
}

std::optional<std::vector<std::string>>
ResultCache::includesOf(llvm::StringRef Unit) {
  auto Buffer =
      llvm::MemoryBuffer::getFile(includesPath(Unit), /*IsText=*/false);
  if (!Buffer)
    return std::nullopt;
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt;
  }
  const llvm::json::Array *Files = Parsed->getAsArray();
  if (!Files)
    return std::nullopt;
  std::vector<std::string> Paths;
  for (const llvm::json::Value &F : *Files)
    if (auto Path = F.getAsString())
      Paths.push_back(Path->str());
  return Paths;
}

void ResultCache::storeIncludes(llvm::StringRef Unit,
                                const std::vector<std::string> &Includes) {
  llvm::json::Array Files;
  for (const std::string &Path : Includes)
    Files.push_back(Path);
  writeAtomically(includesPath(Unit), std::move(Files));
}

void ResultCache::writeAtomically(const std::string &Path,
                                  llvm::json::Value Value) {
  llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
  llvm::SmallString<256> Temp;
  int FD;
  if (llvm::sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Temp))
    return;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Value;
    if (OS.has_error()) {
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return;
    }
  }
  if (llvm::sys::fs::rename(Temp, Path))
    llvm::sys::fs::remove(Temp);
}

void ResultCache::store(const std::string &Key, const UnitResult &Result) {
  llvm::json::Array Files;
  for (const std::string &Path : Result.Includes) {
    std::string Hash = hashFile(Path);
    if (Hash.empty())
      return; // A file vanished: the result cannot be validated later.
    Files.push_back(llvm::json::Object{{"path", Path}, {"sha256", Hash}});
  }
  llvm::json::Value ResultJSON = toJSON(Result);
  std::string Serialized;
  llvm::raw_string_ostream(Serialized) << ResultJSON;
  llvm::json::Object Entry{{"key", Key},
                           {"files", std::move(Files)},
                           {"checksum", sha256Hex(Serialized)},
                           {"result", std::move(ResultJSON)}};
  writeAtomically(entryPath(Key), llvm::json::Value(std::move(Entry)));
}

} // namespace coro_tidy
