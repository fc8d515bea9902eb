//===--- Runtimes.cpp -----------------------------------------------------===//

#include "Runtimes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace clang::tidy::coro::utils {

llvm::ArrayRef<RuntimePreset> runtimePresets() {
  // Reviewed against each runtime's public headers and documentation; see
  // docs/runtimes.md. Asio lives in `boost::asio` and, standalone, in `asio`.
  static const std::vector<RuntimePreset> Presets = [] {
    std::vector<RuntimePreset> All;

    RuntimePreset Corio;
    Corio.Name = "corio";
    Corio.TaskTypes = {"corio::Task", "corio::TaskHandle",
                       "corio::AsyncGenerator"};
    Corio.EntryPoints = {"corio::run"};
    // gather(tasks...) is fail-fast; gather(corio::return_exceptions, ...)
    // is settled: the tag's type tells them apart.
    Corio.FailFastCombinators = {"corio::gather"};
    // wait(tasks, FIRST_COMPLETED | FIRST_EXCEPTION | ALL_COMPLETED) is
    // settled too: its done set holds finished TaskHandles, each a value or
    // a failure (exception() before result(), asyncio's Task methods).
    Corio.SettledCombinators = {"corio::gather", "corio::wait"};
    Corio.SettledTagTypes = {"corio::ReturnExceptions"};
    Corio.SettledForm = "corio::gather(corio::return_exceptions, ...)";
    Corio.ResultCheckMethods = {"corio::Result::ok",
                                "corio::Result::operator bool"};
    Corio.ResultFailureMethods = {"corio::Result::error",
                                  "corio::TaskHandle::exception"};
    Corio.ResultAccessors = {"corio::Result::value",
                             "corio::TaskHandle::result"};
    // TaskGroup::create_task is deliberately not a spawn function, nor
    // corio::ChildHandle a handle type: the group owns its children, waits
    // for them and retrieves every failure, so a dropped child handle loses
    // nothing (and ChildHandle is not awaitable: co_await child.join()).
    Corio.SpawnFunctions = {"corio::create_task"};
    Corio.HandleTypes = {"corio::TaskHandle"};
    // corio::Lock is an async mutex (co_await lock.acquire() -> Lock::Guard):
    // its guard is no lock type of coro-lock-across-suspend, and holding it
    // across co_await is its purpose.
    Corio.SleepFunction = "corio::sleep";
    Corio.HandOffFunctions = {"corio::run_in_executor"};
    // gather of Task<void>s: a std::tuple (or vector) of std::monostate.
    Corio.NoValueTypes = {"std::monostate"};
    All.push_back(Corio);

    RuntimePreset Asio;
    Asio.Name = "asio";
    Asio.TaskTypes = {"boost::asio::awaitable", "asio::awaitable"};
    // post/dispatch/defer(executor, f) run f on the executor.
    Asio.HandOffFunctions = {"boost::asio::post", "boost::asio::dispatch",
                             "boost::asio::defer", "asio::post",
                             "asio::dispatch", "asio::defer"};
    Asio.EntryPoints = {
        "boost::asio::io_context::run",      "boost::asio::io_context::run_one",
        "boost::asio::io_context::run_for",  "boost::asio::io_context::run_until",
        "boost::asio::io_context::poll",     "boost::asio::io_context::poll_one",
        "asio::io_context::run",             "asio::io_context::run_one",
        "asio::io_context::run_for",         "asio::io_context::run_until",
        "asio::io_context::poll",            "asio::io_context::poll_one"};
    // `a && b` waits with wait_for_one_error(): the first failure cancels
    // the other operation and is rethrown. (`a || b` waits for one success:
    // not fail-fast.)
    Asio.FailFastCombinators = {
        "boost::asio::experimental::awaitable_operators::operator&&",
        "asio::experimental::awaitable_operators::operator&&"};
    // make_parallel_group(...).async_wait(condition, token) completes with
    // (order, exception_ptr e1, T1 r1, ...) whatever the condition: every
    // failure arrives as an exception_ptr, nothing is rethrown.
    Asio.SettledCombinators = {
        "boost::asio::experimental::parallel_group::async_wait",
        "boost::asio::experimental::ranged_parallel_group::async_wait",
        "asio::experimental::parallel_group::async_wait",
        "asio::experimental::ranged_parallel_group::async_wait"};
    Asio.SettledForm =
        "experimental::make_parallel_group(...).async_wait(wait_for_all(), ...)";
    Asio.SpawnFunctions = {"boost::asio::co_spawn", "asio::co_spawn"};
    Asio.DetachedTokenTypes = {"boost::asio::detached_t", "asio::detached_t"};
    // Synchronous operations. Most are also found by the twin rule below
    // (an `async_x` declared beside `x`); listed so that they stay known
    // with AsyncTwinScopes emptied. thread_pool::join/wait have no twin.
    Asio.BlockingFunctions = {
        "boost::asio::read", "boost::asio::read_at", "boost::asio::read_until",
        "boost::asio::write", "boost::asio::write_at", "boost::asio::connect",
        "boost::asio::basic_socket::connect", "boost::asio::basic_socket::wait",
        "boost::asio::basic_stream_socket::read_some",
        "boost::asio::basic_stream_socket::write_some",
        "boost::asio::basic_stream_socket::send",
        "boost::asio::basic_stream_socket::receive",
        "boost::asio::basic_datagram_socket::send_to",
        "boost::asio::basic_datagram_socket::receive_from",
        "boost::asio::basic_socket_acceptor::accept",
        "boost::asio::basic_socket_acceptor::wait",
        "boost::asio::ip::basic_resolver::resolve",
        "boost::asio::basic_waitable_timer::wait",
        "boost::asio::basic_deadline_timer::wait",
        "boost::asio::thread_pool::join", "boost::asio::thread_pool::wait",
        "asio::read", "asio::read_at", "asio::read_until", "asio::write",
        "asio::write_at", "asio::connect", "asio::basic_socket::connect",
        "asio::basic_socket::wait", "asio::basic_stream_socket::read_some",
        "asio::basic_stream_socket::write_some",
        "asio::basic_stream_socket::send", "asio::basic_stream_socket::receive",
        "asio::basic_datagram_socket::send_to",
        "asio::basic_datagram_socket::receive_from",
        "asio::basic_socket_acceptor::accept",
        "asio::basic_socket_acceptor::wait", "asio::ip::basic_resolver::resolve",
        "asio::basic_waitable_timer::wait", "asio::thread_pool::join",
        "asio::thread_pool::wait"};
    // Every Asio (and Beast, built on it) I/O object pairs its asynchronous
    // operations with synchronous ones of the same name: basic_socket's
    // connect/wait, the sockets' read_some/write_some/send/receive/send_to/
    // receive_from, basic_socket_acceptor's accept/wait, basic_resolver's
    // resolve, the timers' wait, ssl::stream's handshake/shutdown, the
    // descriptors', pipes', serial ports' and files' reads and writes, the
    // buffered streams' fill/flush; free read/write/read_until/connect;
    // Beast's http::read/write, websocket::stream's accept/handshake/read/
    // write/close/ping, basic_stream's connect. Each synchronous one blocks
    // until the operation is done, so `x` is blocking wherever `async_x` is
    // declared beside it (hasAsyncTwin).
    Asio.AsyncTwinScopes = {"boost::asio", "asio", "boost::beast"};
    // async_x(..., deferred) returns a deferred_async_operation, and
    // composing them (`op1(deferred(f))`, `deferred.when(c).then(a)`) a
    // deferred_sequence or deferred_conditional: a function object that
    // starts the operation when it is invoked with a completion token or
    // co_awaited in an awaitable (its promise's await_transform accepts any
    // async operation). (deferred_values and deferred_noop start nothing.)
    Asio.DeferredOperationTypes = {
        "boost::asio::deferred_async_operation",
        "boost::asio::deferred_sequence",
        "boost::asio::deferred_conditional",
        "asio::deferred_async_operation",
        "asio::deferred_sequence",
        "asio::deferred_conditional"};
    // A thread_pool is made for work that blocks. `co_await asio::post(pool,
    // use_awaitable)` does not move the coroutine (use_awaitable carries the
    // coroutine's own executor, asio issues 856 and 1516); binding the token,
    // `co_await asio::post(asio::bind_executor(pool, use_awaitable))`, does,
    // until the next operation.
    Asio.BlockingExecutors = {"boost::asio::thread_pool", "asio::thread_pool"};
    Asio.ExecutorBinders = {"boost::asio::executor_binder",
                            "asio::executor_binder"};
    // co_spawn(executor or execution context, awaitable or function object,
    // token): the awaitable's executor is the one it is spawned on.
    Asio.ExecutorSpawns = {{"boost::asio::co_spawn", 0, 1},
                           {"asio::co_spawn", 0, 1}};
    All.push_back(Asio);

    RuntimePreset Cobalt;
    Cobalt.Name = "cobalt";
    Cobalt.TaskTypes = {"boost::cobalt::task", "boost::cobalt::promise",
                        "boost::cobalt::generator"};
    Cobalt.EntryPoints = {"boost::cobalt::run"};
    Cobalt.FailFastCombinators = {"boost::cobalt::join"};
    // gather() yields system::result<T, std::exception_ptr> per awaitable.
    Cobalt.SettledCombinators = {"boost::cobalt::gather"};
    Cobalt.SettledForm = "boost::cobalt::gather(...)";
    Cobalt.ResultCheckMethods = {"boost::system::result::has_value",
                                 "boost::system::result::operator bool"};
    Cobalt.ResultFailureMethods = {"boost::system::result::has_error",
                                   "boost::system::result::error"};
    Cobalt.ResultAccessors = {"boost::system::result::value",
                              "boost::system::result::operator*",
                              "boost::system::result::operator->"};
    Cobalt.SpawnFunctions = {"boost::cobalt::spawn"};
    // A promise is eager; destroying it while attached cancels the task.
    Cobalt.HandleTypes = {"boost::cobalt::promise"};
    // thread::join (src/thread.cpp: thread_.join()) waits for the thread's
    // event loop to end, as std::thread::join does; it is compiled in the
    // library, so its body is never seen.
    Cobalt.BlockingFunctions = {"boost::cobalt::thread::join"};
    All.push_back(Cobalt);

    RuntimePreset Cppcoro;
    Cppcoro.Name = "cppcoro";
    Cppcoro.TaskTypes = {"cppcoro::task", "cppcoro::shared_task"};
    Cppcoro.EntryPoints = {"cppcoro::sync_wait"};
    Cppcoro.FailFastCombinators = {"cppcoro::when_all"};
    // when_all_ready() yields when_all_task<T>s whose result() rethrows;
    // there is no test method: result() belongs in a try block.
    Cppcoro.SettledCombinators = {"cppcoro::when_all_ready"};
    Cppcoro.SettledForm = "cppcoro::when_all_ready(...)";
    Cppcoro.ResultAccessors = {"cppcoro::detail::when_all_task::result"};
    // io_service::process_events() and its one-event and pending-event
    // forms drive the I/O loop on the calling thread, but they are no
    // default entry points: cppcoro's documented idiom drives the
    // io_service from a coroutine of its own,
    //   sync_wait(when_all_ready(work(), [&]() -> task<> {
    //     io.process_events(); co_return; }()))
    // where no other loop runs (every one of the 11 reports on cppcoro's
    // tests was that idiom). Projects that never drive it that way add
    // them with coro-nested-loop-run.ExtraEntryPoints (docs/runtimes.md).
    // co_await pool.schedule() resumes on a static_thread_pool thread;
    // io_service's schedule() and schedule_after() back on its I/O thread.
    Cppcoro.BlockingExecutors = {"cppcoro::static_thread_pool"};
    Cppcoro.ExecutorSwitchAwaiters = {
        "cppcoro::static_thread_pool::schedule_operation",
        "cppcoro::io_service::schedule_operation",
        "cppcoro::io_service::timed_schedule_operation"};
    All.push_back(Cppcoro);

    RuntimePreset Folly;
    Folly.Name = "folly";
    Folly.TaskTypes = {"folly::coro::Task", "folly::coro::TaskWithExecutor"};
    // blockingWait is a function object: named by the object.
    Folly.EntryPoints = {"folly::coro::blockingWait",
                         "folly::coro::blocking_wait"};
    Folly.FailFastCombinators = {"folly::coro::collectAll",
                                 "folly::coro::collectAllRange",
                                 "folly::coro::collectAllWindowed"};
    Folly.SettledCombinators = {"folly::coro::collectAllTry",
                                "folly::coro::collectAllTryRange",
                                "folly::coro::collectAllTryWindowed"};
    Folly.SettledForm = "folly::coro::collectAllTry(...)";
    // collectAll(Task<void>...) yields a std::tuple of folly::Unit.
    Folly.NoValueTypes = {"folly::Unit"};
    Folly.ResultCheckMethods = {"folly::Try::hasValue"};
    Folly.ResultFailureMethods = {"folly::Try::hasException"};
    Folly.ResultAccessors = {"folly::Try::value", "folly::Try::operator*",
                             "folly::Try::operator->"};
    // start() && and startInlineUnsafe() && return a SemiFuture of the
    // result (the overloads taking a callback return void: not handles).
    Folly.SpawnFunctions = {"folly::coro::TaskWithExecutor::start",
                            "folly::coro::TaskWithExecutor::startInlineUnsafe"};
    // Thread-blocking waits of folly's futures and synchronisation: get()
    // and wait() (with or without a timeout) block until the future is
    // fulfilled; getVia/waitVia drive an executor on this thread until then.
    // Baton::wait and its timed forms block (try_wait() does not; a
    // try_wait_for(0ms) only polls).
    Folly.BlockingFunctions = {
        "folly::SemiFuture::get",     "folly::SemiFuture::getTry",
        "folly::SemiFuture::wait",    "folly::Future::get",
        "folly::Future::getTry",      "folly::Future::getVia",
        "folly::Future::getTryVia",   "folly::Future::wait",
        "folly::Future::waitVia",     "folly::Baton::wait",
        "folly::Baton::try_wait_for", "folly::Baton::try_wait_until",
        "folly::Baton::timed_wait"};
    Folly.PollingArguments = {{"folly::Baton::try_wait_for", 0}};
    // A Future has an executor: its work is scheduled, and dropping the
    // Future does not cancel it. (A SemiFuture may hold deferred work that
    // only runs once it gets an executor: not listed.)
    Folly.FutureTypes = {"folly::Future"};
    // Task::semi() && and toSemiFuture(a) return a SemiFuture deferred
    // until it is given an executor (`deferExTry`): the task has not
    // started.
    Folly.UnstartedConversions = {"folly::coro::Task::semi",
                                  "folly::coro::toSemiFuture"};
    All.push_back(Folly);

    RuntimePreset Libcoro;
    Libcoro.Name = "libcoro";
    Libcoro.TaskTypes = {"coro::task"};
    Libcoro.EntryPoints = {"coro::sync_wait"};
    // when_all() yields when_all_task<T>s whose return_value() rethrows.
    Libcoro.SettledCombinators = {"coro::when_all"};
    Libcoro.ResultAccessors = {"coro::detail::when_all_task::return_value"};
    // spawn_joinable(task) -> task<void>: the join task must be awaited.
    Libcoro.SpawnFunctions = {"coro::thread_pool::spawn_joinable",
                              "coro::io_scheduler::spawn_joinable",
                              "coro::scheduler::spawn_joinable"};
    // co_await tp.schedule() resumes on a thread_pool thread (yield() too);
    // an io_scheduler's schedule() on the scheduler.
    Libcoro.BlockingExecutors = {"coro::thread_pool"};
    // spawn_detached(task&&), spawn_joinable(task&&) and schedule(task),
    // which awaits schedule() and then the task.
    Libcoro.ExecutorSpawns = {
        {"coro::thread_pool::spawn_detached", ExecutorSpawn::ObjectArgument, 0},
        {"coro::thread_pool::spawn_joinable", ExecutorSpawn::ObjectArgument, 0},
        {"coro::thread_pool::schedule", ExecutorSpawn::ObjectArgument, 0}};
    Libcoro.ExecutorSwitchAwaiters = {"coro::thread_pool::schedule_operation",
                                      "coro::thread_pool::operation",
                                      "coro::io_scheduler::schedule_operation",
                                      "coro::scheduler::schedule_operation"};
    // Its tcp::client, tcp::server, udp::peer (and tls) force their sockets
    // non-blocking in every constructor (make_socket(..., blocking_t::no),
    // socket::blocking(blocking_t::no)): these members return
    // io_status::try_again instead of waiting, and are called after an
    // awaited poll().
    Libcoro.NonBlockingFunctions = {"coro::net::tcp::client::recv",
                                    "coro::net::tcp::client::send",
                                    "coro::net::tcp::server::accept_now",
                                    "coro::net::udp::peer::recvfrom",
                                    "coro::net::udp::peer::sendto"};
    All.push_back(Libcoro);

    RuntimePreset AsyncSimple;
    AsyncSimple.Name = "async_simple";
    AsyncSimple.TaskTypes = {"async_simple::coro::Lazy"};
    AsyncSimple.EntryPoints = {"async_simple::coro::syncAwait"};
    // collectAll/collectAllPara yield Try<T> per task. Try::available() only
    // says "not empty": it is not a success test.
    AsyncSimple.SettledCombinators = {"async_simple::coro::collectAll",
                                      "async_simple::coro::collectAllPara"};
    AsyncSimple.ResultFailureMethods = {"async_simple::Try::hasError",
                                        "async_simple::Try::getException"};
    AsyncSimple.ResultAccessors = {"async_simple::Try::value"};
    // Future<T> (co_await-able through FutureAwaiter.h's operator co_await)
    // is the consumer side of a Promise: the producer runs whether or not
    // the Future is awaited (`server.async_start()` has started the server).
    AsyncSimple.FutureTypes = {"async_simple::Future"};
    All.push_back(AsyncSimple);

    RuntimePreset Stdexec;
    Stdexec.Name = "stdexec";
    Stdexec.TaskTypes = {"exec::task"};
    // Customisation-point objects: named by the object.
    Stdexec.EntryPoints = {"stdexec::sync_wait",
                           "stdexec::sync_wait_with_variant"};
    // The first error completes when_all with that error and stops the rest.
    Stdexec.FailFastCombinators = {"stdexec::when_all",
                                   "stdexec::when_all_with_variant"};
    All.push_back(Stdexec);

    // drogon (lib/inc/drogon/utils/coroutine.h, HttpAppFramework.h,
    // orm/DbClient.h, nosql/RedisClient.h; trantor's EventLoop).
    RuntimePreset Drogon;
    Drogon.Name = "drogon";
    // Task<T> is lazy (suspend_always, operator co_await); AsyncTask is
    // eager, not awaitable and fire-and-forget by design (an exception
    // escaping it terminates the process): a dropped AsyncTask is its use.
    Drogon.TaskTypes = {"drogon::Task", "drogon::AsyncTask"};
    // sync_wait(awaitable) runs it on a new thread and blocks on a
    // condition variable until it is done; app().run() and
    // EventLoop::loop() run an event loop until it quits.
    Drogon.EntryPoints = {"drogon::sync_wait", "drogon::HttpAppFramework::run",
                          "trantor::EventLoop::loop"};
    // when_all(tasks...) / when_all(vector<Task<T>>) awaits every child,
    // keeps the first exception and rethrows it: the other results are lost.
    Drogon.FailFastCombinators = {"drogon::when_all"};
    // when_all maps a Task<void> child to std::false_type in its tuple
    // (utils/coroutine.h: std::conditional_t<is_void, false_type, T>).
    Drogon.NoValueTypes = {"std::false_type"};
    // co_future(awaitable) starts it at once (in an AsyncTask) and returns a
    // std::future of its result: the handle of a running task. async_run()
    // returns nothing, so there is no handle to keep.
    Drogon.SpawnFunctions = {"drogon::co_future"};
    // The synchronous halves of the database and Redis clients (their
    // execSqlCoro/execCommandCoro twins are awaitable).
    Drogon.BlockingFunctions = {"drogon::orm::DbClient::execSqlSync",
                                "drogon::nosql::RedisClient::execCommandSync"};
    All.push_back(Drogon);

    // concurrencpp (include/concurrencpp/results/*.h, executors/*.h).
    RuntimePreset Concurrencpp;
    Concurrencpp.Name = "concurrencpp";
    // result<T> is eager (a coroutine returning it starts at once, or on the
    // executor named by an executor_tag first argument), lazy_result<T> lazy
    // (run() starts it), null_result fire-and-forget.
    Concurrencpp.TaskTypes = {"concurrencpp::result", "concurrencpp::lazy_result",
                              "concurrencpp::null_result"};
    // when_all(executor, results...) and when_any(executor, results...)
    // hand back the children's result<T>s (in a tuple or a vector, inside a
    // when_any_result), each holding a value or an exception: nothing is
    // rethrown. result::get() rethrows, but its test is status() ==
    // result_status::value (an enum, not a boolean test), so the accessor is
    // not listed: only discarding the settled results (c) is checked.
    Concurrencpp.SettledCombinators = {"concurrencpp::when_all",
                                       "concurrencpp::when_any"};
    Concurrencpp.SettledForm = "concurrencpp::when_all(executor, ...)";
    // executor->submit(f) queues f and returns the result<T> of the running
    // task (derivable_executor<E>::submit hides executor::submit in every
    // concrete executor); bulk_submit a vector of them; lazy_result::run()
    // starts a lazy task and returns its result.
    Concurrencpp.SpawnFunctions = {"concurrencpp::executor::submit",
                                   "concurrencpp::derivable_executor::submit",
                                   "concurrencpp::executor::bulk_submit",
                                   "concurrencpp::derivable_executor::bulk_submit",
                                   "concurrencpp::lazy_result::run"};
    // result<T> is no HandleType: a dropped result of a coroutine is
    // coro-missing-co-await's finding (an eager task: "its result and any
    // exception it throws are lost"), and one of submit() is found through
    // the spawn functions above; listing the type would report it twice.
    // wait() blocks the thread until the task is done (wait_for and
    // wait_until too, unless the timeout is zero); a manual_executor's
    // wait_for_task(s) block until a task is queued. co_await result (or
    // result.resolve()) is the asynchronous form. get() is not listed: it
    // is also how a *ready* result is read (after co_await r.resolve(), the
    // results of when_all/when_any, after status()), where it returns at
    // once; on concurrencpp's own tests listing it made 103 false reports.
    // Telling a pending result from a ready one needs readiness flow.
    Concurrencpp.BlockingFunctions = {
        "concurrencpp::result::wait",
        "concurrencpp::result::wait_for",
        "concurrencpp::result::wait_until",
        "concurrencpp::shared_result::wait",
        "concurrencpp::shared_result::wait_for",
        "concurrencpp::shared_result::wait_until",
        "concurrencpp::manual_executor::wait_for_task",
        "concurrencpp::manual_executor::wait_for_tasks"};
    // co_await resume_on(e) resumes on e (resume_on_awaitable<E>), and a
    // coroutine `result<T> f(executor_tag, std::shared_ptr<E>, ...)` starts on
    // it (its promise derives from initialy_rescheduled_promise<E>). Pools
    // and threads of their own: thread_pool_executor (the class of both
    // thread_pool_executor(), for CPU work, and background_executor(), made
    // for blocking I/O: a type cannot tell them apart, and neither stalls an
    // event loop) and thread_executor (a thread per task). Not:
    // worker_thread_executor (one thread its tasks share, like a loop),
    // inline_executor and manual_executor (whichever thread calls them).
    Concurrencpp.BlockingExecutors = {"concurrencpp::thread_pool_executor",
                                      "concurrencpp::thread_executor"};
    Concurrencpp.ExecutorSwitchAwaiters = {
        "concurrencpp::details::resume_on_awaitable"};
    Concurrencpp.StartOnExecutorPromises = {
        "concurrencpp::details::initialy_rescheduled_promise"};
    // executor::post and submit(callable, args...) (and derivable_executor's
    // own): the callable is invoked on one of the executor's threads.
    Concurrencpp.ExecutorSpawns = {
        {"concurrencpp::executor::post", ExecutorSpawn::ObjectArgument, 0},
        {"concurrencpp::executor::submit", ExecutorSpawn::ObjectArgument, 0},
        {"concurrencpp::derivable_executor::post", ExecutorSpawn::ObjectArgument,
         0},
        {"concurrencpp::derivable_executor::submit",
         ExecutorSpawn::ObjectArgument, 0}};
    All.push_back(Concurrencpp);

    // YACLib (include/yaclib): `co_await yaclib::On(e)` submits the
    // coroutine to e (detail::OnAwaiter holds the IExecutor&; its
    // await_suspend calls e.Submit). FairThreadPool is a plain pool of
    // worker threads that run one job at a time. Not: Strand and
    // ManualExecutor (jobs run one after another on whichever thread
    // drives them), MakeInline() (the calling thread).
    RuntimePreset Yaclib;
    Yaclib.Name = "yaclib";
    Yaclib.BlockingExecutors = {"yaclib::FairThreadPool"};
    Yaclib.ExecutorSwitchAwaiters = {"yaclib::detail::OnAwaiter"};
    // A lazy Task's ToFuture(e) and Detach(e) start it on e (lazy/task.hpp:
    // detail::Start(core, e) submits the coroutine to e).
    Yaclib.ExecutorSpawns = {
        {"yaclib::Task::ToFuture", 0, ExecutorSpawn::ObjectTask},
        {"yaclib::Task::Detach", 0, ExecutorSpawn::ObjectTask}};
    All.push_back(Yaclib);

    // netcan/asyncio, the asyncio-shaped C++20 clone (include/asyncio/*.h).
    RuntimePreset Asyncio;
    Asyncio.Name = "asyncio";
    Asyncio.TaskTypes = {"asyncio::Task", "asyncio::ScheduledTask"};
    // run(coro) schedules it and runs the loop until it completes.
    Asyncio.EntryPoints = {"asyncio::run",
                           "asyncio::EventLoop::run_until_complete"};
    // gather(futs...) completes with the first exception: rethrown, the
    // other results lost (there is no return_exceptions form).
    Asyncio.FailFastCombinators = {"asyncio::gather"};
    // schedule_task(coro) schedules the task now and returns its
    // ScheduledTask, which must be kept: its destructor destroys the task.
    Asyncio.SpawnFunctions = {"asyncio::schedule_task"};
    Asyncio.HandleTypes = {"asyncio::ScheduledTask"};
    Asyncio.SleepFunction = "asyncio::sleep";
    All.push_back(Asyncio);

    // libcurl (curl/curl.h, curl/multi.h): C functions.
    RuntimePreset Curl;
    Curl.Name = "libcurl";
    // curl_easy_perform runs the whole transfer; curl_multi_wait and
    // curl_multi_poll wait up to timeout_ms (their fourth argument) for
    // activity: with a zero timeout they only poll.
    Curl.BlockingFunctions = {"curl_easy_perform", "curl_multi_wait",
                              "curl_multi_poll"};
    Curl.PollingArguments = {{"curl_multi_wait", 3}, {"curl_multi_poll", 3}};
    All.push_back(Curl);

    // cpr, "Curl for People" (include/cpr/api.h, session.h,
    // async_wrapper.h): the requests-style C++ HTTP client.
    RuntimePreset Cpr;
    Cpr.Name = "cpr";
    // cpr::Get(...) and friends, and Session's methods, perform the request
    // with curl_easy_perform before returning the Response; the *Async and
    // *Callback forms run it on a thread pool (not listed), but the
    // AsyncWrapper they return blocks in get() and wait().
    Cpr.BlockingFunctions = {
        "cpr::Get",                  "cpr::Post",
        "cpr::Put",                  "cpr::Patch",
        "cpr::Head",                 "cpr::Delete",
        "cpr::Options",              "cpr::Download",
        "cpr::MultiGet",             "cpr::MultiPost",
        "cpr::MultiPut",             "cpr::MultiPatch",
        "cpr::MultiHead",            "cpr::MultiDelete",
        "cpr::MultiOptions",         "cpr::Session::Get",
        "cpr::Session::Post",        "cpr::Session::Put",
        "cpr::Session::Patch",       "cpr::Session::Head",
        "cpr::Session::Delete",      "cpr::Session::Options",
        "cpr::Session::Download",    "cpr::AsyncWrapper::get",
        "cpr::AsyncWrapper::wait",   "cpr::AsyncWrapper::wait_for",
        "cpr::AsyncWrapper::wait_until"};
    All.push_back(Cpr);

    // Synchronous SQL clients (sqlite3, libpq, the MySQL C API): each call
    // runs its statement, or connects, before returning.
    RuntimePreset Sql;
    Sql.Name = "sql-clients";
    Sql.BlockingFunctions = {"sqlite3_step",      "sqlite3_exec",
                             "PQexec",            "PQexecParams",
                             "PQconnectdb",       "mysql_query",
                             "mysql_real_query",  "mysql_real_connect"};
    All.push_back(Sql);
    return All;
  }();
  return Presets;
}

std::vector<std::string>
presetNames(std::vector<llvm::StringRef> RuntimePreset::*Field) {
  std::vector<std::string> Names;
  for (const RuntimePreset &Preset : runtimePresets())
    for (llvm::StringRef Name : Preset.*Field)
      Names.push_back(Name.str());
  return Names;
}

} // namespace clang::tidy::coro::utils
