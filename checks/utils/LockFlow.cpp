//===--- LockFlow.cpp -----------------------------------------------------===//

#include "LockFlow.h"
#include "Coroutines.h"
#include "LockClassification.h"
#include "ForwardDataflow.h"
#include "ValueUse.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSwitch.h"
#include <map>
#include <optional>
#include <string>

namespace clang::tidy::coro::utils {

//===----------------------------------------------------------------------===//
// The dataflow
//===----------------------------------------------------------------------===//

namespace {

/// \p E without parentheses, implicit casts, `&` and `*`: `&m`, `*p` and
/// `(m)` designate the object `m` and `p` designate.
const Expr *stripObject(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    const auto *Op = dyn_cast<UnaryOperator>(E);
    if (!Op || (Op->getOpcode() != UO_AddrOf && Op->getOpcode() != UO_Deref))
      break;
    E = Op->getSubExpr();
  }
  return E;
}

/// True if \p A and \p B name the same object by the same path: the same
/// variable, `this`, or the same member of the same object.
bool sameObject(const Expr *A, const Expr *B) {
  A = stripObject(A);
  B = stripObject(B);
  if (!A || !B)
    return false;
  if (isa<CXXThisExpr>(A) && isa<CXXThisExpr>(B))
    return true;
  if (const auto *RefA = dyn_cast<DeclRefExpr>(A)) {
    const auto *RefB = dyn_cast<DeclRefExpr>(B);
    return RefB && RefA->getDecl()->getCanonicalDecl() ==
                       RefB->getDecl()->getCanonicalDecl();
  }
  if (const auto *MemA = dyn_cast<MemberExpr>(A)) {
    const auto *MemB = dyn_cast<MemberExpr>(B);
    return MemB &&
           MemA->getMemberDecl()->getCanonicalDecl() ==
               MemB->getMemberDecl()->getCanonicalDecl() &&
           sameObject(MemA->getBase(), MemB->getBase());
  }
  return false;
}

/// A key naming the object \p E designates by its path (see sameObject):
/// "this", a variable, or a member of such an object; none for anything
/// else (a call result, an array element).
std::optional<std::string> objectKey(const Expr *E) {
  E = stripObject(E);
  if (!E)
    return std::nullopt;
  if (isa<CXXThisExpr>(E))
    return std::string("this");
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return "d" + std::to_string(reinterpret_cast<uintptr_t>(
                     Ref->getDecl()->getCanonicalDecl()));
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (std::optional<std::string> Base = objectKey(Member->getBase()))
      return *Base + ".m" +
             std::to_string(reinterpret_cast<uintptr_t>(
                 Member->getMemberDecl()->getCanonicalDecl()));
  return std::nullopt;
}

class LockDataflow {
public:
  LockDataflow(const FunctionDecl *Coroutine, const CFG &Cfg,
               const LockFlowOptions &Options,
               CoroutineTypeClassifier &Classifier)
      : Coroutine(Coroutine), Cfg(Cfg), Options(Options),
        Classifier(Classifier) {}

  std::vector<LockHeldAcrossSuspension> run(const SourceManager &SM,
                                            DataflowOutcome &Outcome);

  // The problem solveForward() solves: a may-analysis (union join) of the
  // locks that may hold their mutex.
  using State = llvm::BitVector;
  State initialState() const;
  void transfer(const CFGBlock &Block, State &Held, DataflowPass Pass);
  void refine(const CFGBlock &From, unsigned SuccIndex, State &Held) const;
  bool join(State &Into, const State &From) const {
    State Merged = Into;
    Merged |= From;
    if (Merged == Into)
      return false;
    Into = std::move(Merged);
    return true;
  }

private:

  void collectLocks();
  void collectRawAcquires();
  void addRawAcquire(const Expr *Call, const Expr *Mutex);
  /// The tracked state bit of raw acquisition \p I.
  unsigned rawBit(unsigned I) const { return Locks.size() + I; }
  /// Clears the raw acquisitions of the mutex \p Mutex designates.
  void releaseRaw(const Expr *Mutex, State &Held) const;
  /// Clears the raw acquisitions of the mutexes a lock value adopts
  /// (`std::unique_lock lk(m, std::adopt_lock)`): the lock owns them now.
  void adoptRaw(const Expr *Value, State &Held) const;
  void track(const VarDecl *Var) {
    if (Index.count(Var) || isAsyncLock(Var, Options, Classifier))
      return;
    Index[Var] = Locks.size();
    Locks.push_back(Var);
    MutexArgs.emplace_back();
  }
  void addMutexArgs(unsigned Lock, const Expr *Value);
  bool designatesLock(const Expr *Arg, unsigned Lock) const;
  bool handedTo(const CoroutineSuspendExpr *Suspend, unsigned Lock) const;
  std::optional<unsigned> trackedVar(const Expr *E) const;
  std::optional<unsigned> movedVar(const Expr *E) const;
  bool valueHeld(const Expr *E, const State &Held) const;
  bool constructionHeld(const CXXConstructExpr *C, const State &Held) const;

  /// Applies \p Element to \p Held; calls \p OnSuspend at suspension points.
  template <typename Callback>
  void transfer(const CFGElement &Element, State &Held, Callback OnSuspend);
  template <typename Callback>
  void transferStmt(const Stmt *S, State &Held, Callback OnSuspend);

  /// For a branch on `lk.owns_lock()`, `lk` (operator bool),
  /// `lk.try_lock*()` or a mutex's own `m.try_lock*()`, possibly negated:
  /// the state bit and the branch (true or false edge) on which it is known
  /// not to be held.
  std::optional<std::pair<unsigned, bool>>
  ownershipTest(const Expr *Condition) const;

  const FunctionDecl *Coroutine;
  const CFG &Cfg;
  const LockFlowOptions &Options;
  CoroutineTypeClassifier &Classifier;
  llvm::SmallVector<const VarDecl *, 8> Locks;
  /// For each lock, the mutex expressions it was constructed from (in its
  /// initialiser, or in a lock value assigned to it).
  llvm::SmallVector<llvm::SmallVector<const Expr *, 2>, 8> MutexArgs;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  /// A call that locks a mutex itself, without a lock object: `m.lock()`,
  /// `m.try_lock()`, or one mutex of `std::lock(a, b)`.
  struct RawAcquire {
    const Expr *Call;
    const Expr *Mutex;
    unsigned Key;
  };
  llvm::SmallVector<RawAcquire, 4> Raw;
  /// The raw acquisitions each call makes.
  llvm::DenseMap<const Expr *, llvm::SmallVector<unsigned, 1>> RawOfCall;
  /// The mutex objects locked raw (objectKey), and each one's acquisitions.
  std::map<std::string, unsigned> KeyIndex;
  llvm::SmallVector<llvm::SmallVector<unsigned, 2>, 4> RawOfKey;
  /// The held state a lock had when it was last moved from (std::move), so
  /// that the construction or assignment consuming it inherits that state.
  llvm::DenseMap<unsigned, bool> MovedState;
  /// Filled in the report pass: the suspensions each lock may be held at.
  std::vector<llvm::SetVector<const CoroutineSuspendExpr *>> HeldAt;
};

LockDataflow::State LockDataflow::initialState() const {
  State Initial(Locks.size() + Raw.size());
  // A lock handed to the coroutine by value: assume it holds its mutex.
  for (unsigned I = 0; I < Locks.size(); ++I)
    if (isa<ParmVarDecl>(Locks[I]))
      Initial.set(I);
  return Initial;
}

void LockDataflow::transfer(const CFGBlock &Block, State &Held,
                            DataflowPass Pass) {
  MovedState.clear();
  for (const CFGElement &Element : Block) {
    if (Pass == DataflowPass::Solve)
      transfer(Element, Held, [](unsigned, const CoroutineSuspendExpr *) {});
    else
      transfer(Element, Held,
               [&](unsigned Lock, const CoroutineSuspendExpr *Suspend) {
                 HeldAt[Lock].insert(Suspend);
               });
  }
}

void LockDataflow::refine(const CFGBlock &From, unsigned SuccIndex,
                          State &Held) const {
  if (From.succ_size() != 2)
    return;
  const auto *Condition = dyn_cast_or_null<Expr>(From.getTerminatorCondition());
  if (!Condition)
    return;
  // On the edge where the test says the lock is not held.
  if (std::optional<std::pair<unsigned, bool>> Test = ownershipTest(Condition))
    if ((SuccIndex == 0) == Test->second)
      Held.reset(Test->first);
}

void LockDataflow::collectLocks() {
  for (const ParmVarDecl *Param : Coroutine->parameters())
    if (isLockType(Param->getType(), Options))
      track(Param);
  for (const CFGBlock *Block : Cfg) {
    for (const CFGElement &Element : *Block) {
      auto S = Element.getAs<CFGStmt>();
      if (!S)
        continue;
      const auto *DS = dyn_cast<DeclStmt>(S->getStmt());
      if (!DS)
        continue;
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
              isLockType(Var->getType(), Options))
            track(Var);
    }
  }
  // The mutexes each lock is constructed from, in its initialiser and in
  // lock values assigned to it.
  for (unsigned I = 0; I < Locks.size(); ++I)
    if (Locks[I]->getInit())
      addMutexArgs(I, Locks[I]->getInit());
  for (const CFGBlock *Block : Cfg)
    for (const CFGElement &Element : *Block)
      if (auto S = Element.getAs<CFGStmt>())
        if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S->getStmt());
            Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
          if (std::optional<unsigned> Lock = trackedVar(Op->getArg(0)))
            addMutexArgs(*Lock, Op->getArg(1));
}

void LockDataflow::collectRawAcquires() {
  for (const CFGBlock *Block : Cfg)
    for (const CFGElement &Element : *Block) {
      auto S = Element.getAs<CFGStmt>();
      if (!S)
        continue;
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S->getStmt())) {
        const Expr *Object = Member->getImplicitObjectArgument();
        if (Object && !trackedVar(Object) &&
            methodEffect(Member->getMethodDecl()) == LockEffect::Acquire &&
            isBlockingMutexType(Member->getObjectType(), Options, Classifier))
          addRawAcquire(Member, Object);
        continue;
      }
      // std::lock(a, b, ...) locks them all; std::try_lock's result says
      // whether it did: assume it did.
      if (const auto *Call = dyn_cast<CallExpr>(S->getStmt()))
        if (isStdFunction(Call->getDirectCallee(), {"lock", "try_lock"}))
          for (const Expr *Arg : Call->arguments())
            if (isBlockingMutexType(Arg->getType(), Options, Classifier))
              addRawAcquire(Call, Arg);
    }
}

void LockDataflow::addRawAcquire(const Expr *Call, const Expr *Mutex) {
  std::optional<std::string> Key = objectKey(Mutex);
  if (!Key)
    return;
  auto [It, New] = KeyIndex.try_emplace(*Key, RawOfKey.size());
  if (New)
    RawOfKey.emplace_back();
  unsigned I = Raw.size();
  Raw.push_back({Call, Mutex, It->second});
  RawOfCall[Call].push_back(I);
  RawOfKey[It->second].push_back(I);
}

void LockDataflow::releaseRaw(const Expr *Mutex, State &Held) const {
  if (Raw.empty())
    return;
  std::optional<std::string> Key = objectKey(Mutex);
  if (!Key)
    return;
  auto It = KeyIndex.find(*Key);
  if (It == KeyIndex.end())
    return;
  for (unsigned I : RawOfKey[It->second])
    Held.reset(rawBit(I));
}

void LockDataflow::adoptRaw(const Expr *Value, State &Held) const {
  if (Raw.empty())
    return;
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(lockValue(Value));
  if (!Construct)
    return;
  if (llvm::none_of(Construct->arguments(), [](const Expr *Arg) {
        return isStdAdoptLock(Arg->getType());
      }))
    return;
  for (const Expr *Arg : Construct->arguments())
    if (!isStdLockTag(Arg->getType()))
      releaseRaw(Arg, Held);
}

void LockDataflow::addMutexArgs(unsigned Lock, const Expr *Value) {
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(lockValue(Value));
  if (!Construct || (Construct->getConstructor() &&
                     Construct->getConstructor()->isCopyOrMoveConstructor()))
    return;
  for (const Expr *Arg : Construct->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg) && !isStdLockTag(Arg->getType()))
      MutexArgs[Lock].push_back(Arg);
}

/// True if the argument \p Arg is the lock \p Lock itself, something got
/// from it (`lk.mutex()`), or the mutex it was constructed from.
bool LockDataflow::designatesLock(const Expr *Arg, unsigned Lock) const {
  if (Lock >= Locks.size())
    return sameObject(Arg, Raw[Lock - Locks.size()].Mutex);
  const Expr *E = stripObject(Arg);
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E))
    E = stripObject(Member->getImplicitObjectArgument());
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    if (Ref->getDecl() == Locks[Lock])
      return true;
  return llvm::any_of(MutexArgs[Lock], [&](const Expr *Mutex) {
    return sameObject(Arg, Mutex);
  });
}

/// True if the co_await \p Suspend hands the lock \p Lock or its mutex to a
/// call in its operand (`co_await cv.wait(lk)`, `co_await cv.wait(m, pred)`):
/// an async condition variable releases the mutex while suspended and
/// re-acquires it before resuming, so that suspension does not count.
bool LockDataflow::handedTo(const CoroutineSuspendExpr *Suspend,
                            unsigned Lock) const {
  const auto *Await = dyn_cast<CoawaitExpr>(Suspend);
  if (!Await || !Await->getOperand())
    return false;
  llvm::SmallVector<const Stmt *, 16> Work{Await->getOperand()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    // A nested lambda runs elsewhere; a nested co_await is its own
    // suspension point.
    if (!S || isa<LambdaExpr>(S) || isa<CoroutineSuspendExpr>(S))
      continue;
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
      // The object of a member operator is not an argument.
      if (isa<CXXOperatorCallExpr>(Call) &&
          isa_and_nonnull<CXXMethodDecl>(Call->getDirectCallee()) &&
          !Args.empty())
        Args = Args.drop_front();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
    } else if (const auto *List = dyn_cast<InitListExpr>(S)) {
      Args = llvm::ArrayRef(List->getInits(), List->getNumInits());
    } else if (const auto *Parens = dyn_cast<CXXParenListInitExpr>(S)) {
      Args = Parens->getInitExprs();
    }
    for (const Expr *Arg : Args)
      if (Arg && designatesLock(Arg, Lock))
        return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

std::optional<unsigned> LockDataflow::trackedVar(const Expr *E) const {
  if (!E)
    return std::nullopt;
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!Ref)
    return std::nullopt;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var)
    return std::nullopt;
  auto It = Index.find(Var);
  if (It == Index.end())
    return std::nullopt;
  return It->second;
}

std::optional<std::pair<unsigned, bool>>
LockDataflow::ownershipTest(const Expr *Condition) const {
  bool Negated = false;
  const Expr *E = Condition;
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Not = dyn_cast<UnaryOperator>(E);
        Not && Not->getOpcode() == UO_LNot) {
      Negated = !Negated;
      E = Not->getSubExpr();
      continue;
    }
    break;
  }
  const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E);
  if (!Member)
    return std::nullopt;
  std::optional<unsigned> Lock = trackedVar(Member->getImplicitObjectArgument());
  if (auto It = RawOfCall.find(Member); !Lock && It != RawOfCall.end())
    Lock = rawBit(It->second.front());
  const CXXMethodDecl *MD = Member->getMethodDecl();
  if (!Lock || !MD)
    return std::nullopt;
  bool Test = isa<CXXConversionDecl>(MD) &&
              cast<CXXConversionDecl>(MD)->getConversionType()->isBooleanType();
  if (MD->getIdentifier())
    Test |= llvm::StringSwitch<bool>(MD->getName())
                .Cases("owns_lock", "try_lock", "try_lock_for",
                       "try_lock_until", true)
                .Cases("try_lock_shared", "try_lock_shared_for",
                       "try_lock_shared_until", true)
                .Default(false);
  if (!Test)
    return std::nullopt;
  // Not held where the test is false: the false edge, or the true edge of
  // a negated test.
  return std::make_pair(*Lock, /*NotHeldOnTrueEdge=*/Negated);
}

/// The lock variable \p E moves from: `std::move(lk)`, `std::forward<>(lk)`,
/// or a cast of `lk` to an rvalue reference.
std::optional<unsigned> LockDataflow::movedVar(const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (Call->getNumArgs() == 1 &&
        (isStdFunction(FD, {"move", "forward"})))
      return trackedVar(Call->getArg(0));
    return std::nullopt;
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    if (Cast->getTypeAsWritten()->isRValueReferenceType())
      return trackedVar(Cast->getSubExpr());
  return std::nullopt;
}

bool LockDataflow::constructionHeld(const CXXConstructExpr *C,
                                    const State &Held) const {
  const CXXConstructorDecl *Ctor = C->getConstructor();
  if (Ctor && Ctor->isCopyOrMoveConstructor() && C->getNumArgs() >= 1)
    return valueHeld(C->getArg(0), Held);
  unsigned Written = 0;
  for (const Expr *Arg : C->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      continue;
    ++Written;
    // std::defer_lock: associated with the mutex, not locked.
    if (isStdDeferLock(Arg->getType()))
      return false;
  }
  // A default-constructed lock owns no mutex.
  if (Written == 0)
    return false;
  if (Ctor) {
    // Annotated scoped_lockable constructors say whether they acquire.
    bool Acquires = hasAttrOrPattern<AcquireCapabilityAttr>(Ctor) ||
                    hasAttrOrPattern<TryAcquireCapabilityAttr>(Ctor) ||
                    hasAttrOrPattern<RequiresCapabilityAttr>(Ctor);
    if (!Acquires && (hasAttrOrPattern<LocksExcludedAttr>(Ctor) ||
                      hasAttrOrPattern<ReleaseCapabilityAttr>(Ctor)))
      return false;
  }
  // Locking constructors, std::adopt_lock (already locked) and
  // std::try_to_lock (maybe locked: assume it is).
  return true;
}

/// Whether the lock value \p E (an initialiser or the right-hand side of an
/// assignment to a lock) holds its mutex.
bool LockDataflow::valueHeld(const Expr *E, const State &Held) const {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    // `Lock(...)`, `static_cast<Lock>(...)`: the value of the operand.
    const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
    if (!Cast || Cast->getTypeAsWritten()->isReferenceType())
      break;
    E = Cast->getSubExpr();
  }
  if (!E)
    return true;
  // Acquired asynchronously (`lk = co_await m.scoped_lock();`).
  if (isAwaitedValue(E))
    return false;
  if (std::optional<unsigned> From = movedVar(E)) {
    auto It = MovedState.find(*From);
    return It != MovedState.end() ? It->second : Held[*From];
  }
  if (std::optional<unsigned> From = trackedVar(E))
    return Held[*From];
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return constructionHeld(C, Held);
  if (isa<InitListExpr>(E) && cast<InitListExpr>(E)->getNumInits() == 0)
    return false;
  // A lock returned by a function, or anything we cannot see through:
  // assume it holds its mutex.
  return true;
}

template <typename Callback>
void LockDataflow::transfer(const CFGElement &Element, State &Held,
                            Callback OnSuspend) {
  if (auto S = Element.getAs<CFGStmt>()) {
    transferStmt(S->getStmt(), Held, OnSuspend);
    return;
  }
  const VarDecl *Ended = nullptr;
  if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>())
    Ended = Dtor->getVarDecl();
  else if (auto Lifetime = Element.getAs<CFGLifetimeEnds>())
    Ended = Lifetime->getVarDecl();
  if (Ended) {
    auto It = Index.find(Ended);
    if (It != Index.end())
      Held.reset(It->second);
  }
}

template <typename Callback>
void LockDataflow::transferStmt(const Stmt *S, State &Held,
                                Callback OnSuspend) {
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!Var)
        continue;
      auto It = Index.find(Var);
      if (It == Index.end())
        continue;
      Held[It->second] = Var->getInit() ? valueHeld(Var->getInit(), Held)
                                        : false;
      adoptRaw(Var->getInit(), Held);
    }
    return;
  }
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S)) {
    if (isSuspensionPoint(Suspend, Options))
      for (unsigned I : Held.set_bits())
        if (!handedTo(Suspend, I))
          OnSuspend(I, Suspend);
    return;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    std::optional<unsigned> Lock =
        trackedVar(Member->getImplicitObjectArgument());
    if (!Lock) {
      if (auto It = RawOfCall.find(Member); It != RawOfCall.end())
        for (unsigned I : It->second)
          Held.set(rawBit(I));
      else if (methodEffect(Member->getMethodDecl()) == LockEffect::Release)
        releaseRaw(Member->getImplicitObjectArgument(), Held);
      return;
    }
    switch (methodEffect(Member->getMethodDecl())) {
    case LockEffect::Acquire:
      Held.set(*Lock);
      break;
    case LockEffect::Release:
      Held.reset(*Lock);
      break;
    case LockEffect::Swap:
      if (Member->getNumArgs() == 1)
        if (std::optional<unsigned> Other = trackedVar(Member->getArg(0))) {
          bool Mine = Held[*Lock];
          Held[*Lock] = Held[*Other];
          Held[*Other] = Mine;
        }
      break;
    case LockEffect::None:
      break;
    }
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      if (std::optional<unsigned> Lock = trackedVar(Op->getArg(0))) {
        Held[*Lock] = valueHeld(Op->getArg(1), Held);
        adoptRaw(Op->getArg(1), Held);
      }
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (auto It = RawOfCall.find(Call); It != RawOfCall.end()) {
      for (unsigned I : It->second)
        Held.set(rawBit(I));
      return;
    }
    const FunctionDecl *FD = Call->getDirectCallee();
    if (isStdFunction(FD, {"swap"}) && Call->getNumArgs() == 2) {
      std::optional<unsigned> A = trackedVar(Call->getArg(0));
      std::optional<unsigned> B = trackedVar(Call->getArg(1));
      if (A && B) {
        bool Tmp = Held[*A];
        Held[*A] = Held[*B];
        Held[*B] = Tmp;
      }
      return;
    }
  }
  // Moved from: `std::move(lk)` handed to a constructor, an assignment or
  // any function leaves `lk` without a mutex.
  if (const auto *E = dyn_cast<Expr>(S))
    if (isa<CallExpr>(E) || isa<ExplicitCastExpr>(E))
      if (std::optional<unsigned> From = movedVar(E)) {
        MovedState[*From] = Held[*From];
        Held.reset(*From);
      }
}

std::vector<LockHeldAcrossSuspension>
LockDataflow::run(const SourceManager &SM, DataflowOutcome &Outcome) {
  collectLocks();
  collectRawAcquires();
  if (Locks.empty() && Raw.empty())
    return {};
  HeldAt.assign(Locks.size() + Raw.size(), {});
  Outcome = solveForward(Cfg, *this, Options.VisitsPerBlock);

  std::vector<LockHeldAcrossSuspension> Result;
  for (unsigned I = 0; I < HeldAt.size(); ++I) {
    if (HeldAt[I].empty())
      continue;
    LockHeldAcrossSuspension Entry{I < Locks.size() ? Locks[I] : nullptr,
                                   I < Locks.size()
                                       ? nullptr
                                       : Raw[I - Locks.size()].Mutex,
                                   {}};
    Entry.Suspensions.append(HeldAt[I].begin(), HeldAt[I].end());
    llvm::sort(Entry.Suspensions, [&](const CoroutineSuspendExpr *A,
                                      const CoroutineSuspendExpr *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    Result.push_back(std::move(Entry));
  }
  return Result;
}

} // namespace

std::vector<LockHeldAcrossSuspension>
findLocksHeldAcrossSuspension(const FunctionDecl *Coroutine, ASTContext &Ctx,
                              const LockFlowOptions &Options,
                              CoroutineTypeClassifier *Classifier,
                              DataflowOutcome *Outcome) {
  if (!Coroutine || Coroutine->isDependentContext())
    return {};
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(Coroutine->getBody());
  if (!Body || !Body->getBody())
    return {};
  CFG::BuildOptions BuildOptions;
  BuildOptions.AddImplicitDtors = true;
  BuildOptions.AddLifetime = true;
  BuildOptions.AddTemporaryDtors = false;
  BuildOptions.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg =
      CFG::buildCFG(Coroutine, Body->getBody(), &Ctx, BuildOptions);
  if (!Cfg)
    return {};
  std::optional<CoroutineTypeClassifier> Local;
  if (!Classifier)
    Classifier = &Local.emplace(Ctx);
  LockDataflow Flow(Coroutine, *Cfg, Options, *Classifier);
  DataflowOutcome Solved;
  std::vector<LockHeldAcrossSuspension> Result =
      Flow.run(Ctx.getSourceManager(), Solved);
  if (Outcome)
    *Outcome = Solved;
  return Result;
}

} // namespace clang::tidy::coro::utils
