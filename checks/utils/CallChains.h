//===--- CallChains.h - calls that reach a "sink" through plain helpers ---===//
//
// Shared by checks that ask "does this call, made in a coroutine, end up in
// function X?": X a blocking function (coro-blocking-call), an event loop
// entry point (coro-nested-loop-run), ...
//
// A check supplies a classifier that decides, per call site, whether the
// callee is a sink, must never be looked into, or may be followed. The
// finder then follows plain helpers (non-coroutine functions whose body is in
// the translation unit) and returns the shortest chain of calls from the
// call site down to a sink, one step per call, so the check can emit one
// note per step.
//
//   utils::CallChainFinder Finder(
//       [&](const Expr *Call, const FunctionDecl *Callee) {
//         return Names.matches(Callee) ? utils::CallVerdict::Sink
//                                      : utils::CallVerdict::Follow;
//       });
//   utils::forEachOwnCall(Coroutine, [&](const utils::CallStep &Step) {
//     if (auto Chain = Finder.chainFor(Step))
//       report(*Chain);   // (*Chain)[0] is Step, back() is the sink call.
//   });
//
// Properties:
// - Memoised per function for the life of the finder (one finder per
//   classifier and per AST: create it lazily, drop it in
//   onEndOfTranslationUnit). Every function body is scanned at most once.
// - Exact and cycle-safe: recursion and mutual recursion terminate, and the
//   chain returned is a shortest one, whatever order queries come in.
// - Depth limit: a chain longer than MaxDepth calls is not reported.
// - A function's "own calls" are those its body executes when it runs:
//   bodies of lambdas, local classes and blocks are excluded (a lambda's
//   body runs when, and where, the lambda is called: calling it directly is
//   an ordinary call to its operator(), which is followed), as are
//   unevaluated operands (sizeof, decltype, noexcept, requires). Init
//   captures and constructor member initialisers are included.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_CALLCHAINS_H
#define CORO_TIDY_CHECKS_UTILS_CALLCHAINS_H

#include "Coroutines.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <memory>
#include <optional>

namespace clang::tidy::coro::utils {

/// One call: the call-like expression (CallExpr and its subclasses,
/// CXXConstructExpr) and the function it calls.
struct CallStep {
  const Expr *Call = nullptr;
  const FunctionDecl *Callee = nullptr;
  /// A destructor run at the end of a local's scope: the local (Call is then
  /// its initialiser) and where the scope ends. A temporary's destructor has
  /// no Destroyed: Call is its CXXBindTemporaryExpr.
  const VarDecl *Destroyed = nullptr;
  SourceLocation ScopeEnd;

  /// Where the call happens: the end of the scope for a local's destructor.
  SourceLocation location() const {
    return ScopeEnd.isValid() ? ScopeEnd : Call->getBeginLoc();
  }
};

/// A chain of calls: [0] is the call the query was about, each following
/// step is a call made inside the previous step's callee, and back() is the
/// call whose callee is the sink.
using CallChain = llvm::SmallVector<CallStep, 4>;

/// What the classifier says about one call site.
enum class CallVerdict {
  Sink,   ///< The callee is what we look for: the chain ends here.
  Opaque, ///< Never a sink and never looked into (allow-listed functions,
          ///< executors that run their argument elsewhere).
  Follow, ///< Not a sink itself; look into its body if it has one that can
          ///< be followed (see CallChainFinder::canFollow).
};

/// Calls \p Fn for each call \p FD's body (and, for a constructor, its member
/// initialisers) makes itself, outer calls before their arguments, then the
/// destructors that may wait (mayWaitInDestructor) of its locals, at the end
/// of their scopes; a temporary's where it is made. Works for
/// coroutines (the user's body only, not the promise's implicit calls) and
/// lambda call operators. See the header comment for what "itself" means.
///
/// With \p SkipColdPaths, calls on paths that end the process (see
/// ColdPaths.h) are left out: the finder never follows a chain through
/// them.
/// A destructor worth looking at when \p Init made the object: one written
/// by the user (its body is followed like a helper's), a std::jthread's
/// (joins), a std::future's from std::async without launch::deferred (waits
/// for the task). Defaulted, trivial and other library destructors are not.
bool mayWaitInDestructor(const Expr *Init, const CXXDestructorDecl *Dtor);

/// The library destructors that wait (std::jthread's, the std::future of a
/// std::async task); user destructors wait if their bodies do.
bool libraryDestructorWaits(const Expr *Init, const CXXDestructorDecl *Dtor);

/// True if calling \p Method on an object does what its destructor \p Dtor
/// would: the destructor calls it on `this` (`~W() { stop(); }`), or both
/// call the same non-const method on the same field (`thread_.join()` in
/// `~W()` and in `W::join()`; a smart-pointer field's `impl_->stop()`); or,
/// compiled in another unit, it is named like a method the destructor calls
/// on a field (Boost.Cobalt's `thread::join` and `thread_.join()`).
/// A check that reports such a call as blocking need not report the
/// destructor again: the wait it found is the destructor's.
bool finishesLikeDestructor(const CXXMethodDecl *Method,
                            const CXXDestructorDecl *Dtor);

/// True if calling \p Method on an object leaves its destructor \p Dtor
/// nothing to wait for: it detaches (`std::thread::detach`,
/// `std::jthread::detach`) a field that the destructor waits through
/// (`t_.detach()` in `W::detach()`, `t_.join()` in `~W()`).
bool detachesFromDestructor(const CXXMethodDecl *Method,
                            const CXXDestructorDecl *Dtor);

void forEachOwnCall(const FunctionDecl *FD,
                    llvm::function_ref<void(const CallStep &)> Fn,
                    bool SkipColdPaths = false);

class CallChainFinder {
public:
  using Classifier =
      std::function<CallVerdict(const Expr *Call, const FunctionDecl *Callee)>;

  struct Options {
    /// Longest chain reported, counting the call the query is about: 1
    /// reports direct sinks only, 2 one helper in between, ... 0 means no
    /// limit.
    unsigned MaxDepth = 8;
    /// Follow functions declared in system headers (standard library,
    /// Boost...). Off by default: libraries are judged by name, and their
    /// internals are large and full of calls that only look blocking.
    bool FollowSystemHeaders = false;
  };

  explicit CallChainFinder(Classifier Classify);
  CallChainFinder(Classifier Classify, Options Opts);

  /// The shortest chain from \p Step to a sink, or nullopt when the callee
  /// is not a sink and reaches none within MaxDepth.
  std::optional<CallChain> chainFor(const CallStep &Step);

  /// The shortest chain of calls made inside \p FD that reaches a sink
  /// ([0] is a call in FD's body), or nullopt. FD is followed even if
  /// canFollow(FD) is false, as long as it has a body.
  std::optional<CallChain> chainFrom(const FunctionDecl *FD);

  /// True if the finder looks into \p FD's body when a call to it is
  /// Follow: it has a body in this translation unit, is not a coroutine
  /// (calling a coroutine creates a task, it does not run the body here),
  /// is not a virtual call target that could be overridden, and is not in
  /// a system header (unless FollowSystemHeaders).
  bool canFollow(const FunctionDecl *FD) const;

  const Options &options() const { return Opts; }

  /// The classifier's verdict on one call.
  CallVerdict verdict(const CallStep &Step) { return classify(Step); }

  /// isSyncGeneratorCoroutine(FD), memoised, with the finder's one
  /// CoroutineTypeClassifier for its translation unit.
  bool isSyncGenerator(const FunctionDecl *FD) const;

private:
  static constexpr unsigned Unreachable = ~0u;
  struct Node {
    /// Shortest number of calls from a call in this function's body down
    /// to and including the sink call; Unreachable if none.
    unsigned Distance = Unreachable;
    /// The first step of that shortest chain.
    CallStep Next;
  };
  void explore(const FunctionDecl *Root);
  CallVerdict classify(const CallStep &Step);
  std::optional<CallChain> chainFromNode(const Node &N, unsigned Budget);

  Classifier Classify;
  Options Opts;
  llvm::DenseMap<const FunctionDecl *, Node> Memo;
  mutable std::optional<CoroutineTypeClassifier> Types;
  mutable llvm::DenseMap<const FunctionDecl *, bool> SyncGenerators;
};

/// A check's finder, made on first use with \p MaxDepth (one per
/// translation unit: the check resets \p Finder at its end).
CallChainFinder &lazyFinder(std::unique_ptr<CallChainFinder> &Finder,
                            unsigned MaxDepth,
                            CallChainFinder::Classifier Classify);

} // namespace clang::tidy::coro::utils

#endif
