//===--- RuntimeCalls.h - calls judged by the runtimes' facts ---*- C++ -*-===//
//
// Questions about a call that the runtime table's facts answer: is this the
// synchronous twin of an asynchronous operation, is this timeout zero, does
// this argument spell that flag.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_RUNTIMECALLS_H
#define CORO_TIDY_CHECKS_UTILS_RUNTIMECALLS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
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

/// True if \p E evaluates, at compile time, to all zeros: an integer zero,
/// a `std::chrono::duration` whose count is zero, a zero `timeval`.
bool isZeroTimeout(const Expr *E, const ASTContext &Ctx);

/// True if \p Loc is in the expansion of the macro \p Macro, directly or
/// through the macros that expand to it.
bool expandsFrom(SourceLocation Loc, llvm::StringRef Macro,
                 const ASTContext &Ctx);

enum class FlagUse { Absent, Set, Cleared };

/// Whether \p S spells the flag \p Name (an enumerator, as glibc declares
/// SOCK_NONBLOCK, or a macro, as O_NONBLOCK and WNOHANG), and whether under
/// a `~`.
FlagUse flagUse(const Stmt *S, llvm::StringRef Name, const ASTContext &Ctx,
                bool Negated = false);

/// Which pointer arguments point to a zero timeout (the `struct timeval *`
/// of select, the `const struct timespec *` of ppoll and pselect), memoised
/// per variable: one walk of its function per variable, however many calls
/// it is handed to.
class ZeroTimeoutPointees {
public:
  /// True if \p E is `&v` for a local variable `v` that holds zeros
  /// wherever it is used: initialised to zeros (or not at all), every write
  /// to it or its members a constant zero, and its address handed only to
  /// calls \p TakesTimeout accepts (which may only shorten a timeout, as
  /// Linux's select does). A null pointer waits forever: not zero.
  bool pointsToZero(const Expr *E, const ASTContext &Ctx,
                    llvm::function_ref<bool(const CallExpr *)> TakesTimeout);
  void clear() { Known.clear(); }

private:
  llvm::DenseMap<const VarDecl *, bool> Known;
};

} // namespace clang::tidy::coro::utils

#endif
