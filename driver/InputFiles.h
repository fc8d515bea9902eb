//===--- InputFiles.h - reading what the user hands coro-tidy ------------===//
//
// Every file coro-tidy reads on the user's behalf (sources, the compilation
// database, configuration) goes through here, so that hostile input gets one
// clear line and exit 2: a FIFO or a device is refused before it is opened
// (opening a FIFO blocks), a read error is an error (a file that cannot be
// read is not a clean file), and binary data is not parsed as C++.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_INPUTFILES_H
#define CORO_TIDY_DRIVER_INPUTFILES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>

namespace coro_tidy {

/// The whole content of \p Path, which must be a regular file or a symlink
/// to one. \p What names it in errors ("--config-file", "source file").
/// Files larger than \p MaxBytes are refused.
llvm::Expected<std::string> readRegularFile(llvm::StringRef Path,
                                            llvm::StringRef What,
                                            uint64_t MaxBytes = UINT64_MAX);

/// A source file coro-tidy can check: a readable regular file of text.
/// \p What says where it came from in errors ("" for the command line).
llvm::Error checkSourceFile(llvm::StringRef Path, llvm::StringRef What = "");

/// True if \p Path's extension names a C, C++ or Objective-C source or
/// header, so that the compiler driver knows what to do with it.
bool hasSourceExtension(llvm::StringRef Path);

} // namespace coro_tidy

#endif
