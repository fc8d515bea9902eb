//===--- NonBlockingDescriptorsUtilsTest.cpp - checks/utils/NonBlockingDescriptors ===//
//
// Which descriptor I/O calls are known to be made on a non-blocking
// descriptor: the flag spelled as glibc spells it (an enumerator for
// SOCK_NONBLOCK and MSG_DONTWAIT, a macro for O_NONBLOCK), every path, and
// what undoes it.
//
//===----------------------------------------------------------------------===//

#include "StdCoroutineStandIn.h"
#include "checks/utils/NonBlockingDescriptors.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::coro::utils;

namespace {

const char *const Prelude = R"cpp(
enum { SOCK_STREAM = 1, SOCK_NONBLOCK = 04000 };
#define SOCK_NONBLOCK SOCK_NONBLOCK
enum { MSG_PEEK = 2, MSG_DONTWAIT = 0x40 };
#define MSG_DONTWAIT MSG_DONTWAIT
#define O_NONBLOCK 04000
#define F_GETFL 3
#define F_SETFL 4
#define FIONBIO 0x5421
extern "C" int *__errno_location();
#define errno (*__errno_location())
#define EAGAIN 11
#define EWOULDBLOCK EAGAIN
#define EINTR 4
extern "C" {
int socket(int, int, int);
int accept(int, void *, void *);
int accept4(int, void *, void *, int);
int fcntl(int, int, ...);
int ioctl(int, unsigned long, ...);
long read(int, void *, unsigned long);
long recv(int, void *, unsigned long, int);
}
)cpp";

class NonBlockingDescriptorsTest : public ::testing::Test {
protected:
  void parse(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(Prelude + Code, {"-std=c++20"});
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  }
  /// For each read/recv call in source order, '1' if it is known to be on a
  /// non-blocking descriptor, else '0'.
  std::string verdicts() {
    std::string Out;
    for (const CallExpr *Call : readsInOrder(match(
             callExpr(callee(functionDecl(hasAnyName("read", "recv")))).bind("c"),
             AST->getASTContext())))
      Out += Descriptors.isNonBlocking(Call) ? '1' : '0';
    return Out;
  }
  /// The same, by followsWouldBlockProtocol in the function \p Name.
  std::string protocolVerdicts(const std::string &Name) {
    const auto *F = selectFirst<FunctionDecl>(
        "f", match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                   AST->getASTContext()));
    std::string Out;
    for (const CallExpr *Call : readsInOrder(match(
             findAll(callExpr(callee(functionDecl(hasAnyName("read", "recv"))))
                         .bind("c")),
             *F->getBody(), AST->getASTContext())))
      Out += Descriptors.followsWouldBlockProtocol(Call, F) ? '1' : '0';
    return Out;
  }
  /// The calls bound to "c" in \p Matches, in source order.
  std::vector<const CallExpr *>
  readsInOrder(const llvm::SmallVector<BoundNodes, 1> &Matches) {
    std::vector<const CallExpr *> Calls;
    for (const BoundNodes &N : Matches)
      Calls.push_back(N.getNodeAs<CallExpr>("c"));
    std::sort(Calls.begin(), Calls.end(), [&](const CallExpr *A, const CallExpr *B) {
      return AST->getSourceManager().isBeforeInTranslationUnit(A->getBeginLoc(),
                                                               B->getBeginLoc());
    });
    return Calls;
  }
  NonBlockingDescriptors Descriptors;
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(NonBlockingDescriptorsTest, WouldBlockHandledForTheCallItself) {
  parse(std::string(coro_tidy::test::StdCoroutineStandIn) + R"cpp(
struct Task {
  struct promise_type {
    Task get_return_object();
    std::suspend_always initial_suspend();
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
};
std::suspend_always readable(int);
struct Conn {
  int fd_;
  Task g(int p, int listener) {
    char buf[8];
    long n = read(fd_, buf, 8);                // 1: tested, then errno
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        co_await readable(fd_);
    }
    if (recv(p, buf, 8, 0) < 0 && errno == EAGAIN) // 1: in the condition
      co_await readable(p);
    long m = read(p, buf, 8);                  // 0: errno checked for EINTR
    if (m < 0 && errno == EINTR)
      co_return;
    read(p, buf, 8);                           // 0: result not tested
    int own = accept(listener, 0, 0);
    long k = read(own, buf, 8);                // 0: a descriptor made here
    if (k < 0 && errno == EAGAIN)
      co_await readable(own);
    const int copy = fd_;
    long c = read(copy, buf, 8);               // 1: a copy is not made here
    if (c < 0 && errno == EAGAIN)
      co_await readable(copy);
    long r = read(p, buf, 8);                  // 0: retried, never suspends
    if (r < 0 && (errno == EINTR || errno == EAGAIN))
      return_later();
  }
  void return_later();
};
)cpp");
  EXPECT_EQ(protocolVerdicts("g"), "1100010");
}

TEST_F(NonBlockingDescriptorsTest, MadeNonBlockingOnEveryPath) {
  parse(R"cpp(
void f(int listener, int p, bool b) {
  char buf[8];
  int a = accept4(listener, 0, 0, SOCK_NONBLOCK);
  read(a, buf, 8);                             // 1
  int c = accept(listener, 0, 0);
  read(c, buf, 8);                             // 0
  int s = socket(2, SOCK_STREAM | SOCK_NONBLOCK, 0);
  read(s, buf, 8);                             // 1
  if (b)
    fcntl(p, F_SETFL, fcntl(p, F_GETFL) | O_NONBLOCK);
  read(p, buf, 8);                             // 0: one path only
  ioctl(p, FIONBIO, &b);
  read(p, buf, 8);                             // 1
}
)cpp");
  EXPECT_EQ(verdicts(), "10101");
}

TEST_F(NonBlockingDescriptorsTest, WhatUndoesIt) {
  parse(R"cpp(
void f(int listener, int p, int flags) {
  char buf[8];
  fcntl(p, F_SETFL, O_NONBLOCK);
  read(p, buf, 8);                             // 1
  fcntl(p, F_SETFL, flags & ~O_NONBLOCK);
  read(p, buf, 8);                             // 0
  fcntl(p, F_SETFL, O_NONBLOCK);
  fcntl(p, F_SETFL, flags);                    // flags unknown
  read(p, buf, 8);                             // 0
  int a = socket(2, SOCK_NONBLOCK, 0);
  a = accept(listener, 0, 0);
  read(a, buf, 8);                             // 0
  for (int i = 0; i < 3; ++i) {
    int s = socket(2, SOCK_NONBLOCK, 0);
    read(s, buf, 8);                           // 1: each iteration's own
  }
}
)cpp");
  EXPECT_EQ(verdicts(), "10001");
}

TEST_F(NonBlockingDescriptorsTest, DontWaitFlagAndOtherFunctions) {
  parse(R"cpp(
int g_fd;
void f(int p) {
  char buf[8];
  recv(p, buf, 8, MSG_PEEK | MSG_DONTWAIT);    // 1
  recv(p, buf, 8, MSG_PEEK);                   // 0
  read(g_fd, buf, 8);                          // 0: not a local
}
void g(int p) {
  fcntl(p, F_SETFL, O_NONBLOCK);               // another function's p
}
void h(int p) {
  char buf[8];
  read(p, buf, 8);                             // 0
}
)cpp");
  EXPECT_EQ(verdicts(), "1000");
}

} // namespace
