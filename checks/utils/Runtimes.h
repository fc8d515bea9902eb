//===--- Runtimes.h - the vocabularies of the popular coroutine runtimes --===//
//
// One table, in one place, naming for each runtime its task types, event
// loop entry points, combinators, spawn functions and sleep function. Checks
// read their defaults from here; options add names for in-house runtimes.
// Names are fully qualified without a leading `::`; methods are written
// `ns::Class::method`. Every preset is on by default: qualified names do not
// collide across runtimes.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_RUNTIMES_H
#define CORO_TIDY_CHECKS_UTILS_RUNTIMES_H

#include "QualifiedNames.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace clang::tidy::coro::utils {

/// A blocking call that only polls, and returns at once, when one of its
/// arguments is a compile-time zero timeout (`curl_multi_wait(m, 0, 0, 0,
/// &n)`): the function and the index of that argument.
struct PollingArgument {
  llvm::StringRef Function;
  unsigned Index;
};

/// A function that starts a coroutine on an executor it is given
/// (`asio::co_spawn(pool, f(), detached)`, `tp->spawn_detached(f())`): the
/// executor is argument Executor, or the object a member is called on when
/// Executor is ObjectArgument; the task, or the coroutine function object,
/// is argument Task.
struct ExecutorSpawn {
  /// Executor: the object of the member call.
  static constexpr int ObjectArgument = -1;
  /// Task: the object of the member call (YACLib's `f().ToFuture(tp)`).
  static constexpr unsigned ObjectTask = ~0u;
  llvm::StringRef Function;
  int Executor;
  unsigned Task;
};

struct RuntimePreset {
  llvm::StringRef Name;
  /// Coroutine task types (class templates or classes).
  std::vector<llvm::StringRef> TaskTypes;
  /// Blocking event-loop entry points: must not run inside a coroutine.
  std::vector<llvm::StringRef> EntryPoints;
  /// Combinators that rethrow the first child failure and lose the others.
  /// Function objects (CPOs such as `stdexec::when_all`) are named by the
  /// object; operators by `ns::operator&&`.
  std::vector<llvm::StringRef> FailFastCombinators;
  /// Combinators whose results hold a value or an error per child. A name in
  /// both lists (corio::gather) is settled only when its first argument has
  /// one of the SettledTagTypes.
  std::vector<llvm::StringRef> SettledCombinators;
  /// Methods of a settled result that are true when it holds a value
  /// (ok(), operator bool, hasValue()...).
  std::vector<llvm::StringRef> ResultCheckMethods;
  /// Methods of a settled result that are true (or a non-null exception)
  /// when it holds an error (hasException(), has_error(), error()...).
  std::vector<llvm::StringRef> ResultFailureMethods;
  /// Methods of a settled result that rethrow (or are undefined) when it
  /// holds an error.
  std::vector<llvm::StringRef> ResultAccessors;
  /// Functions that start a task and return a handle that must be kept.
  std::vector<llvm::StringRef> SpawnFunctions;
  /// The runtime's non-blocking sleep, if any (fix-it replacement).
  llvm::StringRef SleepFunction;
  /// Types of a tag argument that selects the settled form of a combinator
  /// listed as both fail-fast and settled (`corio::return_exceptions`).
  std::vector<llvm::StringRef> SettledTagTypes;
  /// How the settled form of the fail-fast combinators is written, for
  /// messages (`corio::gather(corio::return_exceptions, ...)`).
  llvm::StringRef SettledForm;
  /// Types of handles to a task that already runs: losing one loses the
  /// task's failure (`corio::TaskHandle`, `boost::cobalt::promise`).
  std::vector<llvm::StringRef> HandleTypes;
  /// Completion-token types that detach a spawned task and drop its
  /// exception (`asio::detached`).
  std::vector<llvm::StringRef> DetachedTokenTypes;
  /// Calls that block the calling thread: the runtime's synchronous waits
  /// (`folly::SemiFuture::get`), synchronous I/O, the synchronous half of a
  /// sync/async pair (`drogon::orm::DbClient::execSqlSync`). Bare names are
  /// C functions (coro-blocking-call's NameList).
  std::vector<llvm::StringRef> BlockingFunctions;
  /// Namespaces whose classes and free functions pair each asynchronous
  /// operation `async_x` with a synchronous `x` that blocks until it is done
  /// (Asio's sockets, acceptors, timers, resolvers, streams; `read`/
  /// `async_read`): see hasAsyncTwin().
  std::vector<llvm::StringRef> AsyncTwinScopes;
  /// Blocking calls that do not block when the argument at an index is a
  /// compile-time zero timeout.
  std::vector<PollingArgument> PollingArguments;
  /// What a combinator yields for a child that produces no value (the
  /// element type for a `Task<void>` child): failing fast over only such
  /// children loses nothing.
  std::vector<llvm::StringRef> NoValueTypes;
  /// Functions that run a callable they are given elsewhere (on another
  /// executor or thread: `asio::post`, `corio::run_in_executor`): the
  /// callable's body is not the calling coroutine's.
  std::vector<llvm::StringRef> HandOffFunctions;
  /// Types of asynchronous operations made with a deferred completion token
  /// (`socket.async_read_some(buf, asio::deferred)`): nothing starts until
  /// the operation is awaited or invoked with a completion token.
  std::vector<llvm::StringRef> DeferredOperationTypes;
  /// Functions that turn a lazy task into a handle that does not start it
  /// (`folly::coro::Task::semi`: a deferred SemiFuture). Dropped, the task
  /// never runs.
  std::vector<llvm::StringRef> UnstartedConversions;
  /// Types of futures: handles of an operation that runs whether or not the
  /// future is awaited (`async_simple::Future`, `folly::Future`). Dropped,
  /// the operation is not stopped; its result and failure are lost.
  std::vector<llvm::StringRef> FutureTypes;
  /// Executors made for blocking work (thread pools): code running on one
  /// stalls no event loop. Classes nested in one count as it
  /// (`asio::thread_pool::basic_executor_type`). See ExecutorFlow.h.
  std::vector<llvm::StringRef> BlockingExecutors;
  /// Awaiters whose co_await moves the coroutine onto an executor: their
  /// first template argument (`resume_on_awaitable<E>`), or else the class
  /// they are nested in (`static_thread_pool::schedule_operation`).
  std::vector<llvm::StringRef> ExecutorSwitchAwaiters;
  /// Promise templates that start their coroutine on the executor of their
  /// first template argument.
  std::vector<llvm::StringRef> StartOnExecutorPromises;
  /// Functions that start the coroutine they are given on the executor they
  /// are given: a coroutine lambda that only they start runs there.
  std::vector<ExecutorSpawn> ExecutorSpawns;
  /// Completion-token binders: an operation awaited with one resumes on the
  /// executor of the binder's second template argument.
  std::vector<llvm::StringRef> ExecutorBinders;
  /// Functions that never block although their bodies look as if they
  /// could: I/O on descriptors the runtime always makes non-blocking
  /// (`EAGAIN` comes back instead of a wait).
  std::vector<llvm::StringRef> NonBlockingFunctions;
};

/// The built-in presets: corio, asio (Boost and standalone), cobalt, cppcoro,
/// folly, libcoro, async_simple, stdexec, drogon, concurrencpp, asyncio
/// (netcan/asyncio, the asyncio-shaped clone), libcurl, cpr, and the
/// synchronous SQL client libraries.
llvm::ArrayRef<RuntimePreset> runtimePresets();

/// The union of one field over every preset, e.g.
/// `presetNames(&RuntimePreset::EntryPoints)`.
std::vector<std::string>
presetNames(std::vector<llvm::StringRef> RuntimePreset::*Field);

/// The union of one structured field over every preset, e.g.
/// `presetEntries(&RuntimePreset::ExecutorSpawns)`.
template <typename Entry>
std::vector<Entry> presetEntries(std::vector<Entry> RuntimePreset::*Field) {
  std::vector<Entry> All;
  for (const RuntimePreset &Preset : runtimePresets())
    All.insert(All.end(), (Preset.*Field).begin(), (Preset.*Field).end());
  return All;
}

} // namespace clang::tidy::coro::utils

#endif
