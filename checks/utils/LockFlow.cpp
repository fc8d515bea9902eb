//===--- LockFlow.cpp -----------------------------------------------------===//

#include "LockFlow.h"
#include "Coroutines.h"
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
#include <deque>
#include <optional>

namespace clang::tidy::coro::utils {

//===----------------------------------------------------------------------===//
// Lock types and suspension points
//===----------------------------------------------------------------------===//

static bool hasScopedLockableAttr(const CXXRecordDecl *RD) {
  if (RD->hasAttr<ScopedLockableAttr>())
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (const CXXRecordDecl *Pattern =
            Spec->getSpecializedTemplate()->getTemplatedDecl())
      return Pattern->hasAttr<ScopedLockableAttr>();
  return false;
}

/// True if \p RD or one of its bases satisfies \p Pred.
template <typename Pred>
static bool classOrBase(const CXXRecordDecl *RD, Pred P, unsigned Depth = 0) {
  if (!RD || Depth > 16)
    return false;
  if (P(RD))
    return true;
  if (!RD->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (classOrBase(getRecord(Base.getType()), P, Depth + 1))
      return true;
  return false;
}

bool isLockType(QualType T, const LockFlowOptions &Options) {
  if (T.isNull() || T->isReferenceType() || T->isPointerType() ||
      T->isDependentType())
    return false;
  return classOrBase(getRecord(T), [&](const CXXRecordDecl *RD) {
    return Options.LockTypes.matches(RD) ||
           (Options.ScopedLockable && hasScopedLockableAttr(RD));
  });
}

/// True if the awaiter class \p Awaiter's `await_ready()` is a single
/// `return <constant true>;`: awaiting it never suspends.
static bool awaiterAlwaysReady(const CXXRecordDecl *Awaiter,
                               const ASTContext &Ctx) {
  if (!Awaiter || !Awaiter->hasDefinition())
    return false;
  const CXXMethodDecl *Ready = nullptr;
  classOrBase(Awaiter, [&](const CXXRecordDecl *RD) {
    for (const NamedDecl *ND : RD->lookup(&Ctx.Idents.get("await_ready")))
      if (const auto *MD = dyn_cast<CXXMethodDecl>(ND)) {
        Ready = MD;
        return true;
      }
    return false;
  });
  if (!Ready)
    return false;
  const FunctionDecl *Definition = nullptr;
  if (!Ready->hasBody(Definition) || !Definition)
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  if (!Body || Body->size() != 1)
    return false;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Ret || !Ret->getRetValue() || Ret->getRetValue()->isValueDependent())
    return false;
  bool Value = false;
  return Ret->getRetValue()->EvaluateAsBooleanCondition(Value, Ctx) && Value;
}

bool isSuspensionPoint(const CoroutineSuspendExpr *E,
                       const LockFlowOptions &Options) {
  if (!E)
    return false;
  auto Allowed = [&](const Expr *Part) {
    if (!Part || Options.AllowedAwaitables.empty())
      return false;
    return classOrBase(getRecord(Part->getType()),
                       [&](const CXXRecordDecl *RD) {
                         return Options.AllowedAwaitables.matches(RD);
                       });
  };
  if (Allowed(E->getOperand()) || Allowed(E->getCommonExpr()))
    return false;
  if (const Expr *Common = E->getCommonExpr())
    if (const CXXRecordDecl *Awaiter = getRecord(Common->getType()))
      if (awaiterAlwaysReady(Awaiter, Awaiter->getASTContext()))
        return false;
  return true;
}

//===----------------------------------------------------------------------===//
// Async mutexes and async locks
//===----------------------------------------------------------------------===//

bool isAsyncMutex(const CXXRecordDecl *Mutex,
                  CoroutineTypeClassifier &Classifier) {
  return classOrBase(Mutex, [&](const CXXRecordDecl *RD) {
    for (const Decl *D : RD->decls()) {
      if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
        D = FTD->getTemplatedDecl();
      const auto *MD = dyn_cast<CXXMethodDecl>(D);
      if (!MD || MD->isStatic() || isa<CXXConstructorDecl>(MD) ||
          isa<CXXDestructorDecl>(MD))
        continue;
      QualType Result = MD->getReturnType();
      if (!Result->isDependentType() && Classifier.isAwaitable(Result))
        return true;
    }
    return false;
  });
}

/// \p E with the wrappers that only transport a value removed, including
/// explicit conversions to a non-reference type (`Lock(...)`).
static const Expr *lockValue(const Expr *E) {
  while (E) {
    E = ignoreValueWrappers(E);
    const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(E);
    if (!Cast || Cast->getTypeAsWritten()->isReferenceType())
      break;
    E = Cast->getSubExpr();
  }
  return E;
}

/// True if the lock value \p E is the result of a co_await: acquired
/// asynchronously (`auto lk = co_await m.scoped_lock();`).
static bool isAwaitedValue(const Expr *E) {
  return isa_and_nonnull<CoawaitExpr>(lockValue(E));
}

/// The mutex classes a lock of type \p T guards, as known from its type: the
/// type arguments of the lock class template (or of the base class template
/// that makes it a lock). False if the lock type is not a template; a null
/// entry stands for an argument that is not a class.
static bool
lockTemplateMutexes(QualType T, const LockFlowOptions &Options,
                    llvm::SmallVectorImpl<const CXXRecordDecl *> &Out) {
  return classOrBase(getRecord(T), [&](const CXXRecordDecl *RD) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec || !(Options.LockTypes.matches(RD) ||
                   (Options.ScopedLockable && hasScopedLockableAttr(RD))))
      return false;
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
      if (Arg.getKind() == TemplateArgument::Pack) {
        for (const TemplateArgument &Element : Arg.pack_elements())
          if (Element.getKind() == TemplateArgument::Type)
            Out.push_back(getRecord(Element.getAsType()));
      } else if (Arg.getKind() == TemplateArgument::Type) {
        Out.push_back(getRecord(Arg.getAsType()));
      }
    }
    return true;
  });
}

/// The class of the object a capability expression of a constructor's
/// thread-safety attribute names: `M` for a parameter `Mutex *M` or
/// `Mutex &M`; null if it is not a parameter of class (pointer) type.
static const CXXRecordDecl *capabilityParamClass(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<UnaryOperator>(E);
      Op && (Op->getOpcode() == UO_Deref || Op->getOpcode() == UO_AddrOf))
    E = Op->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!Param)
    return nullptr;
  QualType T = Param->getType().getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return getRecord(T);
}

/// The mutex classes a non-template scoped_lockable lock guards, from the
/// capabilities its constructor's annotations name.
static void constructorCapabilityMutexes(
    const CXXConstructorDecl *Ctor,
    llvm::SmallVectorImpl<const CXXRecordDecl *> &Out) {
  if (!Ctor)
    return;
  auto Add = [&](auto Args) {
    for (const Expr *Arg : Args)
      if (const CXXRecordDecl *RD = capabilityParamClass(Arg))
        Out.push_back(RD);
  };
  for (const auto *A : Ctor->specific_attrs<AcquireCapabilityAttr>())
    Add(A->args());
  // The first argument of try_acquire_capability is the success value.
  for (const auto *A : Ctor->specific_attrs<TryAcquireCapabilityAttr>())
    Add(A->args());
  // An adopting constructor requires the capability already held.
  for (const auto *A : Ctor->specific_attrs<RequiresCapabilityAttr>())
    Add(A->args());
}

bool isAsyncLock(const VarDecl *Lock, const LockFlowOptions &Options,
                 CoroutineTypeClassifier &Classifier) {
  if (!Lock)
    return false;
  if (isAwaitedValue(Lock->getInit()))
    return true;
  llvm::SmallVector<const CXXRecordDecl *, 2> Mutexes;
  if (!lockTemplateMutexes(Lock->getType(), Options, Mutexes))
    if (const auto *Construct =
            dyn_cast_or_null<CXXConstructExpr>(lockValue(Lock->getInit())))
      constructorCapabilityMutexes(Construct->getConstructor(), Mutexes);
  // Every mutex it guards is async (a std::scoped_lock of an async and a
  // blocking mutex still blocks).
  return !Mutexes.empty() &&
         llvm::all_of(Mutexes, [&](const CXXRecordDecl *RD) {
           return RD && isAsyncMutex(RD, Classifier);
         });
}

//===----------------------------------------------------------------------===//
// The dataflow
//===----------------------------------------------------------------------===//

namespace {

enum class LockEffect { None, Acquire, Release, Swap };

/// A name in namespace std (any inline namespace).
bool isStdFunction(const FunctionDecl *FD, llvm::StringRef Name) {
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         FD->getName() == Name;
}

bool isStdDeferLock(QualType T) {
  const CXXRecordDecl *RD = getRecord(T);
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == "defer_lock_t";
}

/// std::defer_lock_t, std::adopt_lock_t, std::try_to_lock_t.
bool isStdLockTag(QualType T) {
  const CXXRecordDecl *RD = getRecord(T);
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         (RD->getName() == "defer_lock_t" || RD->getName() == "adopt_lock_t" ||
          RD->getName() == "try_to_lock_t");
}

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

template <typename AttrT> bool hasAttrOrPattern(const FunctionDecl *FD) {
  if (FD->hasAttr<AttrT>())
    return true;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    return Pattern->hasAttr<AttrT>();
  return false;
}

LockEffect methodEffect(const CXXMethodDecl *MD) {
  if (!MD)
    return LockEffect::None;
  // Thread-safety annotations state the effect exactly.
  if (hasAttrOrPattern<ReleaseCapabilityAttr>(MD))
    return LockEffect::Release;
  if (hasAttrOrPattern<AcquireCapabilityAttr>(MD) ||
      hasAttrOrPattern<TryAcquireCapabilityAttr>(MD))
    return LockEffect::Acquire;
  if (!MD->getIdentifier())
    return LockEffect::None;
  // The std lock vocabulary (unique_lock, shared_lock).
  return llvm::StringSwitch<LockEffect>(MD->getName())
      .Cases("unlock", "release", "unlock_shared", LockEffect::Release)
      .Cases("lock", "try_lock", "try_lock_for", "try_lock_until",
             LockEffect::Acquire)
      .Cases("lock_shared", "try_lock_shared", "try_lock_shared_for",
             "try_lock_shared_until", LockEffect::Acquire)
      .Case("swap", LockEffect::Swap)
      .Default(LockEffect::None);
}

class LockDataflow {
public:
  LockDataflow(const FunctionDecl *Coroutine, const CFG &Cfg,
               const LockFlowOptions &Options,
               CoroutineTypeClassifier &Classifier)
      : Coroutine(Coroutine), Cfg(Cfg), Options(Options),
        Classifier(Classifier) {}

  std::vector<LockHeldAcrossSuspension> run(const SourceManager &SM);

private:
  using State = llvm::BitVector;

  void collectLocks();
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

  /// For a branch on `lk.owns_lock()`, `lk` (operator bool) or
  /// `lk.try_lock*()`, possibly negated: the lock and the branch (true or
  /// false edge) on which it is known not to be held.
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
  /// The held state a lock had when it was last moved from (std::move), so
  /// that the construction or assignment consuming it inherits that state.
  llvm::DenseMap<unsigned, bool> MovedState;
};

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
        (isStdFunction(FD, "move") || isStdFunction(FD, "forward")))
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
    if (!Lock)
      return;
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
      if (std::optional<unsigned> Lock = trackedVar(Op->getArg(0)))
        Held[*Lock] = valueHeld(Op->getArg(1), Held);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (isStdFunction(FD, "swap") && Call->getNumArgs() == 2) {
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
LockDataflow::run(const SourceManager &SM) {
  collectLocks();
  if (Locks.empty())
    return {};

  const unsigned NumBlocks = Cfg.getNumBlockIDs();
  std::vector<std::optional<State>> Entry(NumBlocks);
  const CFGBlock &EntryBlock = Cfg.getEntry();
  State Initial(Locks.size());
  // A lock handed to the coroutine by value: assume it holds its mutex.
  for (unsigned I = 0; I < Locks.size(); ++I)
    if (isa<ParmVarDecl>(Locks[I]))
      Initial.set(I);
  Entry[EntryBlock.getBlockID()] = Initial;

  std::deque<const CFGBlock *> Worklist{&EntryBlock};
  llvm::BitVector Queued(NumBlocks);
  Queued.set(EntryBlock.getBlockID());
  auto NoSuspendCallback = [](unsigned, const CoroutineSuspendExpr *) {};
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.front();
    Worklist.pop_front();
    Queued.reset(Block->getBlockID());
    State Held = *Entry[Block->getBlockID()];
    MovedState.clear();
    for (const CFGElement &Element : *Block)
      transfer(Element, Held, NoSuspendCallback);
    std::optional<std::pair<unsigned, bool>> Test;
    if (Block->succ_size() == 2)
      if (const Expr *Condition =
              dyn_cast_or_null<Expr>(Block->getTerminatorCondition()))
        Test = ownershipTest(Condition);
    unsigned SuccIndex = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      bool IsTrueEdge = SuccIndex++ == 0;
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Next)
        continue;
      State Out = Held;
      if (Test && IsTrueEdge == Test->second)
        Out.reset(Test->first);
      std::optional<State> &NextEntry = Entry[Next->getBlockID()];
      bool Changed = false;
      if (!NextEntry) {
        NextEntry = Out;
        Changed = true;
      } else {
        State Merged = *NextEntry;
        Merged |= Out;
        if (Merged != *NextEntry) {
          NextEntry = Merged;
          Changed = true;
        }
      }
      if (Changed && !Queued.test(Next->getBlockID())) {
        Queued.set(Next->getBlockID());
        Worklist.push_back(Next);
      }
    }
  }

  // Replay each reached block with its fixed-point entry state and record
  // the suspension points at which each lock may be held.
  std::vector<llvm::SetVector<const CoroutineSuspendExpr *>> HeldAt(
      Locks.size());
  for (const CFGBlock *Block : Cfg) {
    if (!Block || !Entry[Block->getBlockID()])
      continue;
    State Held = *Entry[Block->getBlockID()];
    MovedState.clear();
    for (const CFGElement &Element : *Block)
      transfer(Element, Held,
               [&](unsigned Lock, const CoroutineSuspendExpr *Suspend) {
                 HeldAt[Lock].insert(Suspend);
               });
  }

  std::vector<LockHeldAcrossSuspension> Result;
  for (unsigned I = 0; I < Locks.size(); ++I) {
    if (HeldAt[I].empty())
      continue;
    LockHeldAcrossSuspension Entry{Locks[I], {}};
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
                              CoroutineTypeClassifier *Classifier) {
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
  return Flow.run(Ctx.getSourceManager());
}

} // namespace clang::tidy::coro::utils
