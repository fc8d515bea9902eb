//===--- StderrCapture.h - what a library call prints to stderr -----------===//
//
// Some of LLVM's and clang-tidy's functions print straight to stderr (llvm::cl
// value errors over two lines, handleErrors' "clang-tidy applied N of M
// suggested fixes"): capture it to reword it or reduce it to one line.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_STDERRCAPTURE_H
#define CORO_TIDY_DRIVER_STDERRCAPTURE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>

namespace coro_tidy {

/// Runs \p Body with file descriptor 2 (and llvm::errs()) pointed at an
/// anonymous memory file; returns what was written there.
std::string captureStderr(llvm::function_ref<void()> Body);

} // namespace coro_tidy

#endif
