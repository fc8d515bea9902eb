//===--- Streams.h - which stream operations read memory --------*- C++ -*-===//
//
// Classification for coro-blocking-call: a standard stream operation blocks
// only when its stream does I/O. String and span streams, and local streams
// constructed over an in-memory buffer, read memory.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_STREAMS_H
#define CORO_TIDY_CHECKS_UTILS_STREAMS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::coro::utils {

/// The stream a stream operation works on: the object of a member call,
/// else the first argument (`std::getline(in, line)`, `in >> x`).
const Expr *streamOperand(const Expr *Call);

/// True if \p Call is a standard library stream operation (`std::getline`,
/// `operator>>`, a listed `std::basic_istream` member) on a stream that
/// reads memory: a string or span stream, or a local stream constructed over
/// an in-memory stream buffer (`std::istream in(&stringbuf)`).
bool readsMemory(const Expr *Call, const FunctionDecl *Callee);

} // namespace clang::tidy::coro::utils

#endif
