//===--- BlockingCallCheck.cpp --------------------------------------------===//

#include "BlockingCallCheck.h"
#include "utils/RuntimeCalls.h"
#include "utils/Streams.h"
#include "utils/ValueUse.h"
#include "utils/CoroutineMatchers.h"
#include "utils/SpawnedFutures.h"
#include "utils/Coroutines.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {

namespace {

/// The built-in list. Bare names are C functions (see utils::FunctionNameSet).
const char *const DefaultBlockingFunctions[] = {
    // Sleeping.
    "std::this_thread::sleep_for", "std::this_thread::sleep_until", "sleep",
    "usleep", "nanosleep", "clock_nanosleep",
    // Waiting on threads and synchronisation.
    "std::future::get", "std::future::wait", "std::future::wait_for",
    "std::future::wait_until", "std::shared_future::get",
    "std::shared_future::wait", "std::shared_future::wait_for",
    "std::shared_future::wait_until", "std::thread::join",
    "std::jthread::join", "std::condition_variable::wait",
    "std::condition_variable::wait_for", "std::condition_variable::wait_until",
    "std::condition_variable_any::wait", "std::condition_variable_any::wait_for",
    "std::condition_variable_any::wait_until",
    "std::counting_semaphore::acquire", "std::counting_semaphore::try_acquire_for",
    "std::counting_semaphore::try_acquire_until", "std::latch::wait",
    "std::latch::arrive_and_wait", "std::barrier::arrive_and_wait",
    "std::barrier::wait", "pthread_join", "pthread_cond_wait",
    "pthread_cond_timedwait",
    // C++20 atomic waits (libstdc++ and libc++ declare the members in their
    // bases, under these names).
    "std::atomic::wait", "std::__atomic_base::wait",
    "std::__atomic_float::wait", "std::__atomic_ref::wait",
    "std::atomic_ref::wait", "std::atomic_flag::wait", "std::atomic_wait",
    "std::atomic_wait_explicit", "std::atomic_flag_wait",
    "std::atomic_flag_wait_explicit",
    // Files and consoles.
    "std::basic_ifstream::basic_ifstream", "std::basic_ofstream::basic_ofstream",
    "std::basic_fstream::basic_fstream", "std::basic_ifstream::open",
    "std::basic_ofstream::open", "std::basic_fstream::open",
    "std::basic_filebuf::open", "std::getline", "std::cin", "std::wcin",
    "std::basic_istream::read", "std::basic_istream::readsome",
    "fopen", "freopen", "fclose", "fread", "fwrite", "fgets", "fgetc", "getc",
    "getchar", "gets", "fscanf", "scanf", "vfscanf", "vscanf", "getline",
    "getdelim", "open", "openat", "creat", "read", "write", "pread", "pwrite",
    "readv", "writev", "fsync", "fdatasync", "sync",
    // Network.
    "connect", "accept", "accept4", "recv", "recvfrom", "recvmsg", "send",
    "sendto", "sendmsg", "select", "pselect", "poll", "ppoll", "epoll_wait",
    "epoll_pwait", "getaddrinfo", "getnameinfo", "gethostbyname",
    "gethostbyaddr",
    // Processes.
    "system", "std::system", "popen", "pclose", "waitpid", "wait", "waitid",
    // Runtimes' and client libraries' synchronous operations (Asio, folly,
    // drogon, concurrencpp, libcurl, cpr, SQL clients...) come from the
    // runtime table: defaultList().
};

/// The standard library's functions that run a callable elsewhere: their
/// arguments' bodies are not the coroutine's. (System-header ones are never
/// looked into anyway; the runtimes' are the table's HandOffFunctions.)
const char *const StdHandOffs[] = {
    "std::async", "std::thread::thread", "std::jthread::jthread",
};

/// std::filesystem's operations: each is a system call on the file
/// system, like Python's os.path calls that flake8-async's ASYNC240 flags.
/// Option FlagFilesystem (default on) adds them.
const char *const FilesystemFunctions[] = {
    "std::filesystem::exists", "std::filesystem::status",
    "std::filesystem::symlink_status", "std::filesystem::file_size",
    "std::filesystem::is_directory", "std::filesystem::is_regular_file",
    "std::filesystem::is_symlink", "std::filesystem::is_empty",
    "std::filesystem::last_write_time", "std::filesystem::hard_link_count",
    "std::filesystem::space", "std::filesystem::canonical",
    "std::filesystem::weakly_canonical", "std::filesystem::absolute",
    "std::filesystem::equivalent", "std::filesystem::read_symlink",
    "std::filesystem::create_directory", "std::filesystem::create_directories",
    "std::filesystem::create_symlink", "std::filesystem::create_hard_link",
    "std::filesystem::copy", "std::filesystem::copy_file",
    "std::filesystem::copy_symlink", "std::filesystem::remove",
    "std::filesystem::remove_all", "std::filesystem::rename",
    "std::filesystem::resize_file", "std::filesystem::permissions",
    "std::filesystem::current_path", "std::filesystem::temp_directory_path",
    "std::filesystem::directory_iterator::directory_iterator",
    "std::filesystem::directory_iterator::increment",
    "std::filesystem::directory_iterator::operator++",
    "std::filesystem::recursive_directory_iterator::recursive_directory_iterator",
    "std::filesystem::recursive_directory_iterator::increment",
    "std::filesystem::recursive_directory_iterator::operator++",
    "std::filesystem::directory_entry::refresh",
};

std::string defaultList() {
  std::vector<std::string> Names(std::begin(DefaultBlockingFunctions),
                                 std::end(DefaultBlockingFunctions));
  for (std::string &Name :
       utils::presetNames(&utils::RuntimePreset::BlockingFunctions))
    Names.push_back(std::move(Name));
  return utils::joinNames(Names);
}

std::string defaultSleepReplacement() {
  for (const utils::RuntimePreset &Preset : utils::runtimePresets())
    if (!Preset.SleepFunction.empty())
      return Preset.SleepFunction.str();
  return "";
}

/// `coro::blocking` / `coro::nonblocking` on any declaration of \p FD or of
/// the template it was instantiated from.
std::optional<bool> annotation(const FunctionDecl *FD) {
  auto Lookup = [](const FunctionDecl *F) -> std::optional<bool> {
    for (const FunctionDecl *Redecl : F->redecls())
      for (const auto *Attr : Redecl->specific_attrs<AnnotateAttr>()) {
        if (Attr->getAnnotation() == "coro::nonblocking")
          return false;
        if (Attr->getAnnotation() == "coro::blocking")
          return true;
      }
    return std::nullopt;
  };
  if (auto Found = Lookup(FD))
    return Found;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    if (auto Found = Lookup(Pattern))
      return Found;
  if (const FunctionDecl *Member = FD->getInstantiatedFromMemberFunction())
    return Lookup(Member);
  return std::nullopt;
}

/// The class of the object a member call is made on, as the user wrote it
/// (before the implicit conversion to the base class declaring the method).
const CXXRecordDecl *objectClass(const CXXMemberCallExpr *Member) {
  const Expr *Object = Member->getImplicitObjectArgument();
  if (!Object)
    return nullptr;
  QualType T = Object->IgnoreParenBaseCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return utils::getRecord(T);
}

} // namespace

/// For a member call `obj.m()`, whether `Class::m` is listed for the class
/// of `obj` or one of its bases between it and the declaring class:
/// `std::shared_future::wait` is declared in a private base
/// (`std::__basic_future`), but users call, and list, it on shared_future.
bool BlockingCallCheck::matchesThroughObject(const Expr *Call,
                                             const FunctionDecl *Callee) const {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Member || !Method || !Method->getIdentifier())
    return false;
  const CXXRecordDecl *Object = objectClass(Member);
  const CXXRecordDecl *Declaring = Method->getParent();
  if (!Object || !Object->hasDefinition() ||
      Object->getCanonicalDecl() == Declaring->getCanonicalDecl())
    return false;
  auto Listed = [&](const CXXRecordDecl *RD) {
    return Blocking.matchesMember(utils::qualifiedName(RD) + "::" +
                                  Method->getName().str());
  };
  if (Listed(Object))
    return true;
  bool Found = false;
  Object->forallBases([&](const CXXRecordDecl *Base) {
    if (Base->getCanonicalDecl() != Declaring->getCanonicalDecl() &&
        Base->isDerivedFrom(Declaring) && Listed(Base))
      Found = true;
    return !Found;
  });
  return Found;
}

//===--- The check --------------------------------------------------------===//

static std::string describeSink(const utils::CallStep &Step);
static std::string describeDestruction(const utils::CallStep &Step,
                                       const CXXDestructorDecl *Dtor);
static std::string describeHelper(const FunctionDecl *FD);
static std::string describeCoroutine(const FunctionDecl *Coroutine);

static utils::FunctionFacts::Mark markOf(const FunctionDecl *FD) {
  if (std::optional<bool> Annotated = annotation(FD))
    return *Annotated ? utils::FunctionFacts::Mark::Sink
                      : utils::FunctionFacts::Mark::Opaque;
  return utils::FunctionFacts::Mark::None;
}

// Claims that hold wherever the coroutine runs (an event loop, a thread
// pool, a sync_wait on a plain thread): a listed function is a blocking
// one, and a chain is a path of calls that can reach it (which branch runs
// is not known). What blocking costs, and what to do instead, is on the
// docs page.
/// What every chain's headline says between the helper and the sink.
static constexpr llvm::StringLiteral ReachesBlocking =
    "can reach a blocking call to";
/// What every last step of a chain says of its callee.
static constexpr llvm::StringLiteral CanBlock = "can block";

const utils::ChainWording &BlockingCallCheck::chainWording() {
  static const utils::ChainWording Wording = {
      [](StringRef Sink, StringRef Coroutine) {
        return ("blocking call to " + Sink + " in " + Coroutine).str();
      },
      [](StringRef Helper, StringRef Coroutine, StringRef Sink) {
        return ("call to " + Helper + " in " + Coroutine + " " +
                ReachesBlocking + " " + Sink)
            .str();
      },
      [](StringRef Caller, StringRef Callee) {
        return (Caller + " calls " + Callee).str();
      },
      [](StringRef Caller, StringRef Sink) {
        return (Caller + " calls " + Sink + ", which " + CanBlock).str();
      },
      [](StringRef Override, StringRef Method, bool EveryOverride) {
        if (Override == Method) // The method's own body.
          return (Method + " " + CanBlock +
                  (EveryOverride ? ", and so can every override in the "
                                   "project"
                                 : ""))
              .str();
        return (Override + " overrides " + Method + " and " + CanBlock +
                (EveryOverride ? " (every override in the project can)"
                               : ""))
            .str();
      },
      ReachesBlocking, CanBlock};
  return Wording;
}

BlockingCallCheck::BlockingCallCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      BlockingFunctionsOption(Options, "BlockingFunctions", defaultList()),
      FlagFilesystem(Options.get("FlagFilesystem", true)),
      AsyncTwinScopesOption(Options, "AsyncTwinScopes",
                            utils::joinNames(utils::presetNames(
                                &utils::RuntimePreset::AsyncTwinScopes))),
      BlockingExecutorsOption(
          Options, "BlockingExecutors",
          utils::joinNames(utils::presetNames(
              &utils::RuntimePreset::BlockingExecutors))),
      Executors(utils::ExecutorVocabulary::fromPresets(
          BlockingExecutorsOption.names())),
      AllowedFunctionsOption(Options.get("AllowedFunctions", "")),
      MaxCallDepth(Options.get("MaxCallDepth", 8u)),
      SleepReplacement(
          Options.get("SleepReplacement", defaultSleepReplacement())),
      Project(Name, Context, Options,
              {describeHelper,
               describeSink,
               describeCoroutine, markOf}) {
  if (!Project.invalidOption().empty())
    configurationDiag(Project.invalidOption());
  Blocking.add(BlockingFunctionsOption.names());
  if (FlagFilesystem)
    Blocking.add(std::vector<std::string>(std::begin(FilesystemFunctions),
                                          std::end(FilesystemFunctions)));
  Allowed.add(utils::parseNameList(AllowedFunctionsOption));
  // The runtimes' members that return EAGAIN rather than wait.
  Allowed.add(utils::presetNames(&utils::RuntimePreset::NonBlockingFunctions));
  AsyncTwinScopes = AsyncTwinScopesOption.names();
  for (const utils::PollingArgument &P : utils::presetEntries(&utils::RuntimePreset::PollingArguments)) {
    utils::FunctionNameSet Names;
    Names.add({P.Function.str()});
    PollingArguments.emplace_back(std::move(Names), P.Index);
  }
  this->Elsewhere.add(
      std::vector<std::string>(std::begin(StdHandOffs), std::end(StdHandOffs)));
  this->Elsewhere.add(
      utils::presetNames(&utils::RuntimePreset::HandOffFunctions));
  // Event loop entry points and spawners belong to the runtime (nested
  // loops are coro-nested-loop-run's finding); never look inside them.
  this->Elsewhere.add(
      utils::presetNames(&utils::RuntimePreset::EntryPoints));
  this->Elsewhere.add(
      utils::presetNames(&utils::RuntimePreset::SpawnFunctions));
}

void BlockingCallCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  BlockingFunctionsOption.store(Options, Opts);
  Options.store(Opts, "FlagFilesystem", FlagFilesystem);
  AsyncTwinScopesOption.store(Options, Opts);
  BlockingExecutorsOption.store(Options, Opts);
  Options.store(Opts, "AllowedFunctions", AllowedFunctionsOption);
  Options.store(Opts, "MaxCallDepth", MaxCallDepth);
  Options.store(Opts, "SleepReplacement", SleepReplacement);
  Project.storeOptions(Options, Opts);
}

void BlockingCallCheck::onEndOfTranslationUnit() {
  if (Project.recording())
    Project.finish(finder(), MaxCallDepth);
  Finder.reset();
  ReplacementDeclared.reset();
  Checked.clear();
  Reported.clear();
  Descriptors.clear();
  ZeroPointees.clear();
  ExecutorFacts.reset();
  CurrentCoroutine = nullptr;
  CurrentParents.reset();
}

void BlockingCallCheck::registerMatchers(MatchFinder *MatchFinder) {
  utils::matchCoroutineDefinitions(*MatchFinder, this);
  Project.registerMatchers(MatchFinder, this);
}

namespace {
/// A POSIX wait that returns at once for some value of one argument.
enum class NoWaitWhen {
  /// The argument is an integer zero (milliseconds).
  Zero,
  /// The argument points to a zero `struct timeval` / `struct timespec`.
  PointsToZero,
  /// The argument spells the flag `WNOHANG`.
  NoHangFlag,
};
struct PosixNoWait {
  llvm::StringRef Function;
  unsigned Index;
  NoWaitWhen When;
};
/// From the POSIX and Linux manual pages: a zero timeout polls, WNOHANG
/// returns if no child has changed state.
const PosixNoWait PosixNoWaits[] = {
    {"poll", 2, NoWaitWhen::Zero},
    {"epoll_wait", 3, NoWaitWhen::Zero},
    {"epoll_pwait", 3, NoWaitWhen::Zero},
    {"ppoll", 2, NoWaitWhen::PointsToZero},
    {"select", 4, NoWaitWhen::PointsToZero},
    {"pselect", 4, NoWaitWhen::PointsToZero},
    {"waitpid", 2, NoWaitWhen::NoHangFlag},
    {"waitid", 3, NoWaitWhen::NoHangFlag},
};

/// The POSIX function \p Callee is, if it is one of PosixNoWaits: a C
/// function declared at global scope.
const PosixNoWait *posixNoWait(const FunctionDecl *Callee) {
  if (!Callee->getIdentifier() || isa<CXXMethodDecl>(Callee) ||
      !Callee->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return nullptr;
  for (const PosixNoWait &Entry : PosixNoWaits)
    if (Callee->getName() == Entry.Function)
      return &Entry;
  return nullptr;
}
} // namespace

bool BlockingCallCheck::returnsAtOnce(const CallExpr *Call,
                                      const FunctionDecl *Callee) const {
  const PosixNoWait *Entry = posixNoWait(Callee);
  if (!Entry || Call->getNumArgs() <= Entry->Index)
    return false;
  const Expr *Arg = Call->getArg(Entry->Index);
  const ASTContext &Ctx = Callee->getASTContext();
  switch (Entry->When) {
  case NoWaitWhen::Zero:
    return utils::isZeroTimeout(Arg, Ctx);
  case NoWaitWhen::PointsToZero:
    return ZeroPointees.pointsToZero(Arg, Ctx, [&](const CallExpr *User) {
      const FunctionDecl *FD = User->getDirectCallee();
      const PosixNoWait *Other = FD ? posixNoWait(FD) : nullptr;
      return Other && Other->When == NoWaitWhen::PointsToZero;
    });
  case NoWaitWhen::NoHangFlag:
    return utils::flagUse(Arg, "WNOHANG", Ctx) == utils::FlagUse::Set;
  }
  return false;
}

bool BlockingCallCheck::isBlockingCall(const Expr *Call,
                                       const FunctionDecl *Callee) const {
  // A destructor that waits: std::jthread's joins, a std::async future's
  // waits for the task. A user's destructor is followed like any helper.
  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(Callee))
    return !Allowed.matches(Dtor) && utils::libraryDestructorWaits(Call, Dtor);
  // `std::cin >> x`: operator>> whose stream operand is a listed stream
  // object.
  if (Callee->getOverloadedOperator() == OO_GreaterGreater) {
    if (utils::readsMemory(Call, Callee))
      return false;
    if (const Expr *Stream = utils::streamOperand(Call)) {
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Stream->IgnoreParenImpCasts()))
        return Blocking.matches(Ref->getDecl());
    }
    return false;
  }
  if (!Blocking.matches(Callee) && !matchesThroughObject(Call, Callee) &&
      !utils::hasAsyncTwin(Callee, AsyncTwinScopes))
    return false;
  // Opening constructors only: a default-constructed or moved stream does
  // no I/O.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee))
    if ((Ctor->isDefaultConstructor() || Ctor->isCopyOrMoveConstructor()) &&
        utils::qualifiedName(Ctor->getParent()).rfind("std::", 0) == 0)
      return false;
  if (utils::readsMemory(Call, Callee))
    return false;
  // `wait_for(0s)`: a readiness poll.
  if (Callee->getIdentifier() &&
      (Callee->getName() == "wait_for" ||
       Callee->getName() == "try_acquire_for"))
    if (const auto *CE = dyn_cast<CXXMemberCallExpr>(Call)) {
      // condition_variable::wait_for(lock, rel_time[, pred]); the others
      // take the duration first.
      unsigned First = llvm::StringRef(utils::qualifiedName(
                                           CE->getMethodDecl()->getParent()))
                               .contains("condition_variable")
                           ? 1
                           : 0;
      if (CE->getNumArgs() > First &&
          utils::isZeroTimeout(CE->getArg(First), Callee->getASTContext()))
        return false;
    }
  // The runtime table's polls: a zero timeout returns at once.
  if (const auto *CE = dyn_cast<CallExpr>(Call)) {
    if (returnsAtOnce(CE, Callee))
      return false;
    for (const auto &[Names, Index] : PollingArguments)
      if (Names.matches(Callee) && CE->getNumArgs() > Index &&
          utils::isZeroTimeout(CE->getArg(Index), Callee->getASTContext()))
        return false;
  }
  return true;
}

utils::CallVerdict BlockingCallCheck::classify(const Expr *Call,
                                               const FunctionDecl *Callee) {
  if (std::optional<bool> Annotated = annotation(Callee))
    return *Annotated ? utils::CallVerdict::Sink : utils::CallVerdict::Opaque;
  if (Allowed.matches(Callee))
    return utils::CallVerdict::Opaque;
  if (isBlockingCall(Call, Callee))
    return Descriptors.isNonBlocking(Call) ? utils::CallVerdict::Opaque
                                           : utils::CallVerdict::Sink;
  if (Elsewhere.matches(Callee))
    return utils::CallVerdict::Opaque;
  return utils::CallVerdict::Follow;
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  if (Project.check(Result))
    return;
  const FunctionDecl *Coroutine = utils::matchedCoroutine(Result, Checked);
  // A synchronous generator's body runs inside whatever iterates it, as a
  // helper's does: reported through the coroutines that iterate it.
  if (!Coroutine || finder().isSyncGenerator(Coroutine))
    return;
  checkCoroutine(Coroutine, *Result.Context);
}

void BlockingCallCheck::checkCoroutine(const FunctionDecl *Coroutine,
                                       ASTContext &Ctx) {
  CurrentCoroutine = Coroutine;
  CurrentParents.reset();
  // A wait on a future of a task spawned onto this coroutine's own loop is
  // a deadlock: coro-nested-loop-run owns that finding (both docs pages say
  // so), whether or not it runs, so that no check depends on another.
  llvm::SmallVector<utils::LoopFutureWait, 2> LoopWaits =
      utils::findLoopFutureWaits(Coroutine, Ctx);
  // Code the coroutine runs after moving itself onto a thread pool made for
  // blocking work (run_in_executor's C++ forms) stalls no event loop.
  const llvm::DenseSet<const Stmt *> &OnBlockingExecutor =
      ExecutorFacts.statementsOnBlockingExecutor(Coroutine);
  // The methods reported as blocking, per local object they were called
  // on: its destructor, if it does the same wait, is not reported again.
  llvm::DenseMap<const Decl *, llvm::SmallVector<const CXXMethodDecl *, 2>>
      Waited;
  utils::forEachOwnCall(Coroutine, [&](const utils::CallStep &Step) {
    if (OnBlockingExecutor.contains(Step.Call))
      return;
    if (llvm::any_of(LoopWaits, [&](const utils::LoopFutureWait &W) {
          return W.Wait == Step.Call;
        }))
      return;
    if (std::optional<utils::CallChain> Chain = finder().chainFor(Step)) {
      // A descriptor operation of the coroutine's own whose failure it
      // handles as "would block": the descriptor is non-blocking.
      if (Chain->size() == 1 &&
          Descriptors.followsWouldBlockProtocol(Step.Call, Coroutine))
        return;
      if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(Step.Callee);
          Dtor && Step.Destroyed) {
        auto It = Waited.find(Step.Destroyed);
        if (It != Waited.end() &&
            llvm::any_of(It->second, [&](const CXXMethodDecl *Method) {
              return utils::finishesLikeDestructor(Method, Dtor);
            }))
          return;
      }
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Step.Call))
        if (const auto *Object = dyn_cast<DeclRefExpr>(
                Member->getImplicitObjectArgument()->IgnoreParenImpCasts()))
          Waited[Object->getDecl()].push_back(Member->getMethodDecl());
      report(*Chain, Coroutine, Ctx);
    }
    else if (finder().verdict(Step) == utils::CallVerdict::Follow)
      Project.leftOpen(Coroutine, Step);
  }, /*SkipColdPaths=*/true);
}

utils::CallChainFinder &BlockingCallCheck::finder() {
  return utils::lazyFinder(
      Finder, MaxCallDepth,
      [this](const Expr *Call, const FunctionDecl *Callee) {
        return classify(Call, Callee);
      });
}

/// How the sink of a chain is named in messages, as the object of "a call
/// to" or "calls": `'std::future::get'`, `the constructor of
/// 'std::ifstream'`, `'operator>>' on 'std::cin'`.
static std::string describeSink(const utils::CallStep &Step) {
  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(Step.Callee))
    return describeDestruction(Step, Dtor);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Step.Call)) {
    PrintingPolicy Policy(Step.Callee->getASTContext().getLangOpts());
    Policy.SuppressUnwrittenScope = true;
    std::string Type =
        Construct->getType().getUnqualifiedType().getAsString(Policy);
    return "the constructor of '" + Type + "'";
  }
  if (Step.Callee->getOverloadedOperator() == OO_GreaterGreater)
    if (const Expr *Stream = utils::streamOperand(Step.Call))
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Stream->IgnoreParenImpCasts()))
        return "'operator>>' on '" + utils::qualifiedName(Ref->getDecl()) +
               "'";
  // A method as the user called it: `std::shared_future::wait`, not the
  // library's base class that happens to declare it.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Step.Call))
    if (const CXXRecordDecl *Object = objectClass(Member))
      if (Step.Callee->getIdentifier() && Object->hasDefinition() &&
          Object->isDerivedFrom(cast<CXXMethodDecl>(Step.Callee)->getParent()))
        return "'" + utils::qualifiedName(Object) +
               "::" + Step.Callee->getName().str() + "'";
  return "'" + utils::qualifiedName(Step.Callee) + "'";
}

/// A destructor, as the object it destroys: `the destructor of 't'
/// ('std::jthread')`, or of a temporary: `the destructor of a temporary
/// 'std::future<int>'`.
static std::string describeDestruction(const utils::CallStep &Step,
                                       const CXXDestructorDecl *Dtor) {
  PrintingPolicy Policy(Dtor->getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  // The canonical type: `std::future<int>`, not the library's spelling of
  // its template argument.
  auto Spelled = [&](QualType T) {
    return T.getCanonicalType().getUnqualifiedType().getAsString(Policy);
  };
  if (Step.Destroyed)
    return "the destructor of '" + Step.Destroyed->getNameAsString() +
           "' ('" + Spelled(Step.Destroyed->getType()) + "')";
  return "the destructor of a temporary '" + Spelled(Step.Call->getType()) +
         "'";
}

/// How a helper of a chain is named in messages.
static std::string describeHelper(const FunctionDecl *FD) {
  // Template arguments (often lambda types with file paths) would bury the
  // name: `retry`, not `retry<(lambda at ...)>`.
  if (const FunctionTemplateDecl *Primary = FD->getPrimaryTemplate())
    FD = Primary->getTemplatedDecl();
  return "'" + utils::describeFunction(FD) + "'";
}

static std::string describeCoroutine(const FunctionDecl *Coroutine) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Coroutine))
    if (MD->getParent()->isLambda())
      return "coroutine lambda";
  return "coroutine '" + utils::describeFunction(Coroutine) + "'";
}

void BlockingCallCheck::report(const utils::CallChain &Chain,
                               const FunctionDecl *Coroutine,
                               ASTContext &Ctx) {
  const utils::CallStep &First = Chain.front();
  const utils::CallStep &Sink = Chain.back();
  if (!Reported.first(First.location()))
    return;
  std::string SinkName = describeSink(Sink);
  const utils::ChainWording &Wording = chainWording();

  if (Chain.size() == 1) {
    auto D = diag(First.location(), "%0")
             << Wording.Direct(SinkName, describeCoroutine(Coroutine));
    if (const auto *Call = dyn_cast<CallExpr>(First.Call))
      if (std::optional<FixItHint> Fix = sleepFix(Call, Ctx))
        D << *Fix;
    return;
  }

  std::string Helper =
      isa<CXXDestructorDecl>(First.Callee)
          ? describeDestruction(First, cast<CXXDestructorDecl>(First.Callee))
          : describeHelper(First.Callee);
  diag(First.location(), "%0")
      << Wording.Headline(Helper, describeCoroutine(Coroutine), SinkName);
  for (size_t I = 1; I < Chain.size(); ++I) {
    std::string Caller = describeHelper(Chain[I - 1].Callee);
    diag(Chain[I].location(), "%0", DiagnosticIDs::Note)
        << (I + 1 < Chain.size()
                ? Wording.Step(Caller, describeHelper(Chain[I].Callee))
                : Wording.Last(Caller, SinkName));
  }
}

bool BlockingCallCheck::sleepReplacementDeclared(ASTContext &Ctx) {
  if (ReplacementDeclared)
    return *ReplacementDeclared;
  ReplacementDeclared = false;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  llvm::StringRef(SleepReplacement).trim().split(Parts, "::");
  if (!Parts.empty() && Parts.front().empty())
    Parts.erase(Parts.begin());
  if (Parts.empty())
    return false;
  // Walk the namespaces from the translation unit, looking through inline
  // namespaces.
  std::function<bool(const DeclContext *, size_t)> Find =
      [&](const DeclContext *DC, size_t I) -> bool {
    DeclarationName Name(&Ctx.Idents.get(Parts[I]));
    for (const NamedDecl *ND : DC->lookup(Name)) {
      if (I + 1 == Parts.size()) {
        if (isa<FunctionDecl>(ND) || isa<FunctionTemplateDecl>(ND) ||
            isa<UsingShadowDecl>(ND))
          return true;
      } else if (const auto *Inner = dyn_cast<DeclContext>(ND)) {
        if (Find(Inner->getPrimaryContext(), I + 1))
          return true;
      }
    }
    for (const Decl *D : DC->decls())
      if (const auto *NS = dyn_cast<NamespaceDecl>(D))
        if (NS->isInline() && Find(NS->getPrimaryContext(), I))
          return true;
    return false;
  };
  ReplacementDeclared = Find(Ctx.getTranslationUnitDecl(), 0);
  return *ReplacementDeclared;
}

std::optional<FixItHint> BlockingCallCheck::sleepFix(const CallExpr *Call,
                                                     ASTContext &Ctx) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || utils::qualifiedName(Callee) != "std::this_thread::sleep_for")
    return std::nullopt;
  if (Call->getNumArgs() != 1 || Call->getBeginLoc().isMacroID() ||
      Call->getEndLoc().isMacroID())
    return std::nullopt;
  // Only a whole expression statement `sleep_for(d);` becomes
  // `co_await sleep(d);`.
  if (!CurrentCoroutine)
    return std::nullopt;
  if (!CurrentParents)
    CurrentParents.emplace(*CurrentCoroutine);
  if (!utils::isExpressionStatement(*Call, *CurrentParents))
    return std::nullopt;
  if (SleepReplacement.empty() || !sleepReplacementDeclared(Ctx))
    return std::nullopt;
  CharSourceRange CalleeRange =
      CharSourceRange::getTokenRange(Call->getCallee()->getSourceRange());
  return FixItHint::CreateReplacement(
      CalleeRange, "co_await " + llvm::StringRef(SleepReplacement).trim().str());
}

} // namespace clang::tidy::coro
