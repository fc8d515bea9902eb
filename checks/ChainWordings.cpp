//===--- ChainWordings.cpp - which check words which chains ---------------===//
//
// The project graph reports chains for the checks that follow them; each
// check owns its words (the same for in-file and cross-file chains).
//
//===----------------------------------------------------------------------===//

#include "BlockingCallCheck.h"
#include "NestedLoopRunCheck.h"
#include "utils/ProjectGraph.h"

namespace clang::tidy::coro::utils {

const ChainWording *chainWording(llvm::StringRef Check) {
  if (Check == "coro-blocking-call")
    return &BlockingCallCheck::chainWording();
  if (Check == "coro-nested-loop-run")
    return &NestedLoopRunCheck::chainWording();
  return nullptr;
}

} // namespace clang::tidy::coro::utils
