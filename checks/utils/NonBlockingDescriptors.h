//===--- NonBlockingDescriptors.h - I/O that returns EAGAIN, not waits -*- C++ -*-===//
//
// A hand-written reactor makes its sockets non-blocking and reads them after
// an awaited readiness event: `recv` on such a descriptor returns EAGAIN
// instead of waiting, so it cannot stall the loop. The same `recv` on a
// descriptor from a plain `accept()` can, and stays a finding.
//
// A descriptor is known to be non-blocking at a call when, on every path of
// the function that owns it (a local variable or parameter), it was
//   - made by socket(..., SOCK_NONBLOCK), accept4(..., SOCK_NONBLOCK),
//     eventfd(..., EFD_NONBLOCK), timerfd_create(..., TFD_NONBLOCK),
//     signalfd(..., SFD_NONBLOCK) or inotify_init1(IN_NONBLOCK);
//   - switched with fcntl(fd, F_SETFL, ... | O_NONBLOCK) or ioctl(fd, FIONBIO,
//     ...), or, for an Asio socket or acceptor, `s.non_blocking(true)` /
//     `s.native_non_blocking(true)`;
// and not re-assigned or switched back since (`~O_NONBLOCK`,
// `non_blocking(false)`). A call whose flags argument says MSG_DONTWAIT does
// not wait either. `open(..., O_NONBLOCK)` does not count: regular files
// ignore the flag. A synchronous readiness wait (`s.wait(...)`) still waits.
//
// The flow is a ForwardDataflow must-problem over the function's CFG, built
// once per function that makes a descriptor non-blocking.
//
// A descriptor made elsewhere (a member, a parameter, a handle's
// native_handle()) is judged by how the function handles the call's failure
// instead: errno compared with EAGAIN, EWOULDBLOCK or EINPROGRESS in the
// condition that tests the call's result, or under an if that tests it, is
// the non-blocking protocol, which a blocking descriptor never follows
// (those errors do not occur on one without a socket timeout).
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_NONBLOCKINGDESCRIPTORS_H
#define CORO_TIDY_CHECKS_UTILS_NONBLOCKINGDESCRIPTORS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::coro::utils {

class NonBlockingDescriptors {
public:
  /// True if \p Call, a blocking descriptor or socket operation, is made on
  /// a descriptor known to be non-blocking there (or says MSG_DONTWAIT).
  bool isNonBlocking(const Expr *Call);

  /// True if \p Call, a read, write, send, receive, connect or accept made
  /// in \p Caller's own body on a descriptor that is not a local variable
  /// \p Caller makes itself, has its failure handled as "would block"
  /// (EAGAIN, EWOULDBLOCK, EINPROGRESS) there, and \p Caller suspends
  /// after it (the readiness wait).
  bool followsWouldBlockProtocol(const Expr *Call, const FunctionDecl *Caller);

  /// Forgets the cached functions (at the end of a translation unit).
  void clear() {
    Cache.clear();
    WouldBlock.clear();
  }

private:
  /// Per function: the calls made on a non-blocking descriptor.
  llvm::DenseMap<const FunctionDecl *, llvm::DenseSet<const Expr *>> Cache;
  /// Per function: the calls whose failure it handles as "would block".
  llvm::DenseMap<const FunctionDecl *, llvm::DenseSet<const Expr *>>
      WouldBlock;
};

} // namespace clang::tidy::coro::utils

#endif
