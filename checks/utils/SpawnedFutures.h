//===--- SpawnedFutures.h - futures of tasks spawned onto the caller's loop ===//
//
// `auto f = asio::co_spawn(executor, task(), asio::use_future); f.get();`
// inside a coroutine: the spawned task is queued on the executor and the
// coroutine then blocks the loop's thread waiting for it. When the executor
// may be the loop the coroutine runs on, that is a deadlock
// (coro-nested-loop-run's finding), not merely a blocking call
// (coro-blocking-call stays silent on these waits).
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_SPAWNEDFUTURES_H
#define CORO_TIDY_CHECKS_UTILS_SPAWNEDFUTURES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::coro::utils {

/// A `.get()` or `.wait()` on a std::future and the
/// `co_spawn(..., use_future)` call (boost::asio or standalone asio) that
/// produced it.
struct LoopFutureWait {
  const CXXMemberCallExpr *Wait;
  const CallExpr *Spawn;
};

/// The waits in \p FD's own body (not in nested lambdas) on futures that
/// FD's own body obtained from `co_spawn(executor, ..., use_future)`, where
/// the executor may be the caller's event loop: anything but a thread pool
/// or the system executor (io_context, its executor, strands,
/// any_io_executor, `co_await this_coro::executor`). The future is followed
/// when the wait is called on the co_spawn result directly, or on a local
/// variable initialised or assigned from it. In source order.
llvm::SmallVector<LoopFutureWait, 2> findLoopFutureWaits(const FunctionDecl *FD,
                                                         ASTContext &Ctx);

/// True if \p Call is one of the waits findLoopFutureWaits(\p FD) reports.
bool isLoopFutureWait(const Expr *Call, const FunctionDecl *FD,
                      ASTContext &Ctx);

} // namespace clang::tidy::coro::utils

#endif
