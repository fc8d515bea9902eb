//===--- ColdPaths.h - code that runs only on the way out of the process --===//
//
// A blocking call on a path that ends in std::exit, abort, std::terminate or
// any other [[noreturn]] function (a fatal-log branch printing a stack trace
// with popen before exiting) does not stall a running event loop: the loop
// is about to be gone. Such calls are cold, and call chains do not go
// through them.
//
// The rule, on clang's CFG of the function: a block is cold if it calls a
// noreturn function, or if it has successors and every one of them is cold.
// A call is cold if its block is. Throwing is not leaving (the exception may
// be caught and the loop go on), so a throw is not cold.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_COLDPATHS_H
#define CORO_TIDY_CHECKS_UTILS_COLDPATHS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::coro::utils {

/// The calls among \p Calls (call-like expressions in \p FD's body) that are
/// cold. Linear in the size of FD's CFG; the CFG is built only when one of
/// \p Calls calls a noreturn function.
llvm::DenseSet<const Expr *> coldCalls(const FunctionDecl *FD,
                                       llvm::ArrayRef<const Expr *> Calls);

} // namespace clang::tidy::coro::utils

#endif
