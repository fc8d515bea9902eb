//===--- StderrCapture.cpp ------------------------------------------------===//

#include "StderrCapture.h"
#include "llvm/Support/raw_ostream.h"
#include <sys/mman.h>
#include <unistd.h>

namespace coro_tidy {

std::string captureStderr(llvm::function_ref<void()> Body) {
  llvm::errs().flush();
  int Saved = dup(STDERR_FILENO);
  int Capture = memfd_create("coro-tidy-stderr", MFD_CLOEXEC);
  if (Saved < 0 || Capture < 0) {
    // No capture possible: let it through rather than lose it.
    if (Saved >= 0)
      close(Saved);
    if (Capture >= 0)
      close(Capture);
    Body();
    return "";
  }
  dup2(Capture, STDERR_FILENO);
  Body();
  llvm::errs().flush();
  dup2(Saved, STDERR_FILENO);
  close(Saved);
  std::string Text;
  char Chunk[4096];
  lseek(Capture, 0, SEEK_SET);
  for (ssize_t N; (N = read(Capture, Chunk, sizeof Chunk)) > 0;)
    Text.append(Chunk, static_cast<size_t>(N));
  close(Capture);
  return Text;
}

} // namespace coro_tidy
