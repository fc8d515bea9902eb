//===--- DriverInputsFuzzer.cpp - libFuzzer over the driver's input parsers ===//
//
// The first byte picks the parser, the rest is its input:
//   0 a .clang-tidy configuration     2 --line-filter JSON
//   1 a compile_commands.json         3 a cache entry's unit result
// Each must return an error or a value for any bytes: never crash, hang or
// abort. tests/CMakeLists.txt runs it for a bounded time on corpus/, which
// keeps every input that ever failed.
//
//===----------------------------------------------------------------------===//

#include "Compilation.h"
#include "Config.h"
#include "Findings.h"
#include "llvm/Support/JSON.h"
#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  std::string Text(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  switch (Data[0] % 4) {
  case 0:
    llvm::consumeError(coro_tidy::checkConfigurationText(Text, "fuzz.yaml"));
    break;
  case 1:
    llvm::consumeError(
        coro_tidy::checkDatabase(Text, "/nonexistent/compile_commands.json"));
    break;
  case 2:
    llvm::consumeError(coro_tidy::checkLineFilter(Text));
    break;
  case 3:
    if (auto Parsed = llvm::json::parse(Text))
      (void)coro_tidy::unitResultFromJSON(*Parsed);
    else
      llvm::consumeError(Parsed.takeError());
    break;
  }
  return 0;
}
