//===--- InputFiles.cpp ---------------------------------------------------===//

#include "InputFiles.h"
#include "clang/Driver/Types.h"
#include "llvm/Support/Errc.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace coro_tidy {

static llvm::Error fail(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

static std::string quoted(llvm::StringRef What, llvm::StringRef Path) {
  return (What.empty() ? "" : What.str() + " ") + "'" + Path.str() + "'";
}

llvm::Expected<std::string> readRegularFile(llvm::StringRef Path,
                                            llvm::StringRef What,
                                            uint64_t MaxBytes) {
  std::string Name = quoted(What, Path);
  std::string PathZ = Path.str();
  struct stat Before;
  if (::stat(PathZ.c_str(), &Before) != 0) {
    if ((errno == ENOENT || errno == ENOTDIR) && What.empty())
      return fail("no such file: " + Name);
    return fail("cannot read " + Name + ": " +
                std::error_code(errno, std::generic_category()).message());
  }
  if (S_ISDIR(Before.st_mode))
    return fail(Name + " is a directory, not a file");
  if (!S_ISREG(Before.st_mode))
    return fail(Name + " is not a regular file (a FIFO, device or socket)");
  // O_NONBLOCK: if the path was swapped for a FIFO since the stat, the open
  // still returns at once and fstat refuses it.
  int FD = ::open(PathZ.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (FD < 0)
    return fail("cannot read " + Name + ": " +
                std::error_code(errno, std::generic_category()).message());
  struct stat After;
  if (::fstat(FD, &After) != 0 || !S_ISREG(After.st_mode)) {
    ::close(FD);
    return fail(Name + " is not a regular file (a FIFO, device or socket)");
  }
  if (static_cast<uint64_t>(After.st_size) > MaxBytes) {
    ::close(FD);
    return fail(Name + " is too large (" + llvm::Twine(After.st_size) +
                " bytes; the limit is " + llvm::Twine(MaxBytes) + ")");
  }
  // Read to the end rather than trusting st_size: procfs files report 0.
  std::string Content;
  Content.reserve(After.st_size);
  char Chunk[65536];
  for (;;) {
    ssize_t N = ::read(FD, Chunk, sizeof Chunk);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0) {
      std::error_code EC(errno, std::generic_category());
      ::close(FD);
      return fail("cannot read " + Name + ": " + EC.message());
    }
    if (N == 0)
      break;
    Content.append(Chunk, static_cast<size_t>(N));
    if (Content.size() > MaxBytes) {
      ::close(FD);
      return fail(Name + " is too large (the limit is " +
                  llvm::Twine(MaxBytes) + " bytes)");
    }
  }
  ::close(FD);
  return Content;
}

llvm::Error checkSourceFile(llvm::StringRef Path, llvm::StringRef What) {
  std::string Name = quoted(What, Path);
  auto Content = readRegularFile(Path, What);
  if (!Content) {
    std::string Message = llvm::toString(Content.takeError());
    // The command line's wording for the common cases.
    if (llvm::StringRef(Message).ends_with("is a directory, not a file"))
      return fail(Name + " is a directory, not a source file");
    return fail(Message);
  }
  if (llvm::StringRef(*Content).take_front(8192).contains('\0'))
    return fail(Name + " is a binary file, not C or C++ source");
  return llvm::Error::success();
}

bool hasSourceExtension(llvm::StringRef Path) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  if (!Ext.consume_front("."))
    return false;
  return clang::driver::types::lookupTypeForExtension(Ext) !=
         clang::driver::types::TY_INVALID;
}

} // namespace coro_tidy
