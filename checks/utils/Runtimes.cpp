//===--- Runtimes.cpp -----------------------------------------------------===//

#include "Runtimes.h"
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
    All.push_back(Corio);

    RuntimePreset Asio;
    Asio.Name = "asio";
    Asio.TaskTypes = {"boost::asio::awaitable", "asio::awaitable"};
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
    Folly.ResultCheckMethods = {"folly::Try::hasValue"};
    Folly.ResultFailureMethods = {"folly::Try::hasException"};
    Folly.ResultAccessors = {"folly::Try::value", "folly::Try::operator*",
                             "folly::Try::operator->"};
    // start() && and startInlineUnsafe() && return a SemiFuture of the
    // result (the overloads taking a callback return void: not handles).
    Folly.SpawnFunctions = {"folly::coro::TaskWithExecutor::start",
                            "folly::coro::TaskWithExecutor::startInlineUnsafe"};
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

std::string joinNames(llvm::ArrayRef<std::string> Names) {
  std::string Joined;
  for (const std::string &Name : Names) {
    if (!Joined.empty())
      Joined += ';';
    Joined += Name;
  }
  return Joined;
}

std::string qualifiedName(const NamedDecl *D) {
  llvm::SmallVector<std::string, 6> Parts;
  std::string Leaf;
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (FD->getOverloadedOperator() != OO_None ||
        isa<CXXConversionDecl>(FD)) {
      Leaf = FD->getNameAsString();
      // `operator bool` rather than `operator _Bool`.
      if (isa<CXXConversionDecl>(FD) &&
          cast<CXXConversionDecl>(FD)->getConversionType()->isBooleanType())
        Leaf = "operator bool";
    }
  }
  if (Leaf.empty())
    Leaf = D->getName().str();
  Parts.push_back(Leaf);
  for (const DeclContext *DC = D->getDeclContext(); DC;
       DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (RD->getName().empty())
        continue;
      Parts.push_back(RD->getName().str());
    } else if (isa<FunctionDecl>(DC)) {
      break; // Local classes: their name is enough.
    }
  }
  std::string Result;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Result.empty())
      Result += "::";
    Result += *It;
  }
  return Result;
}

static llvm::StringRef normalise(llvm::StringRef Name) {
  Name = Name.trim();
  Name.consume_front("::");
  return Name;
}

void QualifiedNameSet::addName(llvm::StringRef Name) {
  Name = normalise(Name);
  if (!Name.empty())
    Names.insert(Name);
}

void QualifiedNameSet::add(llvm::ArrayRef<std::string> List) {
  for (const std::string &Name : List)
    addName(Name);
}

void QualifiedNameSet::remove(llvm::ArrayRef<std::string> List) {
  for (const std::string &Name : List)
    Names.erase(normalise(Name));
}

bool QualifiedNameSet::matches(const NamedDecl *D) const {
  if (!D || Names.empty())
    return false;
  if (Names.contains(qualifiedName(D)))
    return true;
  // A method inherited from a listed base class, e.g. `io_context::run`
  // reached through a derived class or a template pattern.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(D)) {
    if (const CXXMethodDecl *Pattern =
            dyn_cast_or_null<CXXMethodDecl>(MD->getInstantiatedFromMemberFunction()))
      if (Names.contains(qualifiedName(Pattern)))
        return true;
    for (const CXXMethodDecl *Overridden : MD->overridden_methods())
      if (matches(Overridden))
        return true;
  }
  return false;
}

bool QualifiedNameSet::matchesCall(const Expr *E) const {
  if (!E || Names.empty())
    return false;
  E = E->IgnoreParenImpCasts();
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return false;
  if (matches(Call->getDirectCallee()))
    return true;
  // `cpo(args)`: a call operator of a function object named by a variable.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0) {
    const Expr *Object = Op->getArg(0)->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
      return matches(Ref->getDecl());
  }
  return false;
}

bool QualifiedNameSet::matchesType(QualType T) const {
  if (T.isNull() || Names.empty())
    return false;
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (matches(RD))
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return matches(Spec->getSpecializedTemplate());
  return false;
}

std::vector<std::string> QualifiedNameSet::sorted() const {
  std::vector<std::string> Result;
  for (const auto &Entry : Names)
    Result.push_back(Entry.getKey().str());
  llvm::sort(Result);
  return Result;
}

std::vector<std::string> parseNameList(llvm::StringRef Option) {
  std::vector<std::string> Result;
  llvm::SmallVector<llvm::StringRef, 16> Items;
  Option.split(Items, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (!Item.empty())
      Result.push_back(Item.str());
  }
  return Result;
}

} // namespace clang::tidy::coro::utils
