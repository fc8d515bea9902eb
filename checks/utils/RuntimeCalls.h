//===--- RuntimeCalls.h - calls judged by the runtimes' facts ---*- C++ -*-===//
//
// Questions about a call that the runtime table's facts answer: is this the
// synchronous twin of an asynchronous operation, is this timeout zero.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_RUNTIMECALLS_H
#define CORO_TIDY_CHECKS_UTILS_RUNTIMECALLS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace clang::tidy::coro::utils {

/// True if \p FD is the synchronous twin of an asynchronous operation in
/// one of \p Scopes (namespaces, matched with everything nested in them
/// except `detail` namespaces): a method `x` of a class whose definition
/// (or a base's) also declares a method `async_x`, or a free function `x`
/// whose namespace declares a function `async_x`. The check is made on the
/// declarations, not on names: `boost::asio::basic_socket::wait` is one
/// (`async_wait` is its twin), `basic_socket::shutdown` is not (there is no
/// `async_shutdown` on sockets), `ssl::stream::shutdown` is.
bool hasAsyncTwin(const FunctionDecl *FD, llvm::ArrayRef<std::string> Scopes);

/// True if \p E evaluates, at compile time, to an integer zero or to a
/// `std::chrono::duration` whose count is zero.
bool isZeroTimeout(const Expr *E, const ASTContext &Ctx);

} // namespace clang::tidy::coro::utils

#endif
