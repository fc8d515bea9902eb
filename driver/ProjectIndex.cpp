//===--- ProjectIndex.cpp -------------------------------------------------===//

#include "ProjectIndex.h"
#include "InputFiles.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
namespace utils = clang::tidy::coro::utils;

namespace coro_tidy {

namespace {
constexpr int64_t BundleVersion = 1;

Error failure(const Twine &Why) {
  return createStringError(inconvertibleErrorCode(), Why);
}
} // namespace

std::string projectIndexPath(StringRef CacheDir) {
  SmallString<256> Path(CacheDir);
  sys::path::append(Path, "project-index.json");
  return std::string(Path);
}

std::string findProjectIndex(StringRef BuildPath, StringRef File) {
  auto In = [](StringRef Dir) {
    SmallString<256> Cache(Dir);
    sys::path::append(Cache, ".coro-tidy-cache");
    std::string Index = projectIndexPath(Cache);
    return sys::fs::exists(Index) ? Index : std::string();
  };
  if (!BuildPath.empty()) {
    SmallString<256> Dir(BuildPath);
    if (!sys::fs::is_directory(Dir))
      sys::path::remove_filename(Dir);
    return In(Dir);
  }
  SmallString<256> Dir(File);
  sys::fs::make_absolute(Dir);
  for (StringRef Up = sys::path::parent_path(Dir); !Up.empty();
       Up = sys::path::parent_path(Up)) {
    SmallString<256> Database(Up);
    sys::path::append(Database, "compile_commands.json");
    if (sys::fs::exists(Database))
      return In(Up);
    SmallString<256> Build(Up);
    sys::path::append(Build, "build");
    SmallString<256> BuildDatabase(Build);
    sys::path::append(BuildDatabase, "compile_commands.json");
    if (sys::fs::exists(BuildDatabase))
      return In(Build);
  }
  return "";
}

Error writeFileAtomically(StringRef Path, StringRef Text) {
  // A bare file name (`--facts-out=s1.json`) is in the current folder.
  StringRef Folder = sys::path::parent_path(Path);
  if (std::error_code EC =
          Folder.empty() ? std::error_code() : sys::fs::create_directories(Folder))
    return failure("cannot create the folder of '" + Path +
                   "': " + EC.message());
  SmallString<256> Temp;
  int FD;
  if (std::error_code EC =
          sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Temp))
    return failure("cannot write '" + Path + "': " + EC.message());
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      sys::fs::remove(Temp);
      return failure("cannot write '" + Path + "': " + EC.message());
    }
  }
  if (std::error_code EC = sys::fs::rename(Temp, Path)) {
    sys::fs::remove(Temp);
    return failure("cannot write '" + Path + "': " + EC.message());
  }
  return Error::success();
}

std::vector<UnitFacts> readProjectIndex(StringRef Path, std::string &Warning) {
  if (!sys::fs::exists(Path))
    return {};
  auto Ignored = [&](const Twine &Why) {
    Warning = ("project index '" + Path + "' ignored: " + Why).str();
    return std::vector<UnitFacts>();
  };
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return Ignored(Buffer.getError().message());
  Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return Ignored(toString(Parsed.takeError()));
  Expected<std::vector<UnitFacts>> Units = utils::indexFromJSON(*Parsed);
  if (!Units)
    return Ignored(toString(Units.takeError()));
  return std::move(*Units);
}

Error writeProjectIndex(StringRef Path, const std::vector<UnitFacts> &Units) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << utils::indexToJSON(Units);
  return writeFileAtomically(Path, OS.str());
}

Error writeFactsBundle(StringRef Path, const std::vector<BundledUnit> &Units) {
  json::Array Entries;
  for (const BundledUnit &U : Units)
    Entries.push_back(json::Object{{"position", U.Position},
                                   {"file", U.File},
                                   {"result", toJSON(U.Result)}});
  std::string Text;
  raw_string_ostream OS(Text);
  OS << json::Value(json::Object{{"coroTidyFactsBundle", BundleVersion},
                                 {"factsVersion", utils::FactsVersion},
                                 {"units", std::move(Entries)}});
  return writeFileAtomically(Path, OS.str());
}

Expected<std::vector<BundledUnit>> readFactsBundle(StringRef Path) {
  auto Text = readRegularFile(Path, "facts bundle");
  if (!Text)
    return Text.takeError();
  auto Bad = [&](const Twine &Why) {
    return failure("facts bundle '" + Path + "': " + Why);
  };
  Expected<json::Value> Parsed = json::parse(*Text);
  if (!Parsed)
    return Bad(toString(Parsed.takeError()));
  const json::Object *O = Parsed->getAsObject();
  std::optional<int64_t> Version =
      O ? O->getInteger("coroTidyFactsBundle") : std::nullopt;
  std::optional<int64_t> Facts = O ? O->getInteger("factsVersion") : std::nullopt;
  const json::Array *Entries = O ? O->getArray("units") : nullptr;
  if (!Version || !Facts || !Entries)
    return Bad("not a coro-tidy facts bundle");
  if (*Version != BundleVersion || *Facts != utils::FactsVersion)
    return Bad("written by another version of coro-tidy (bundle " +
               Twine(*Version) + ", facts " + Twine(*Facts) + "; this one " +
               Twine(BundleVersion) + ", " + Twine(utils::FactsVersion) + ")");
  std::vector<BundledUnit> Units;
  for (const json::Value &E : *Entries) {
    const json::Object *EO = E.getAsObject();
    std::optional<int64_t> Position = EO ? EO->getInteger("position") : std::nullopt;
    std::optional<StringRef> File = EO ? EO->getString("file") : std::nullopt;
    const json::Value *Result = EO ? EO->get("result") : nullptr;
    if (!Position || *Position < 0 || !File || !Result)
      return Bad("malformed unit entry");
    std::optional<UnitResult> R = unitResultFromJSON(*Result);
    if (!R)
      return Bad("malformed result of '" + *File + "'");
    Units.push_back({static_cast<unsigned>(*Position), File->str(), std::move(*R)});
  }
  return Units;
}

} // namespace coro_tidy
