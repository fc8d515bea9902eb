//===--- LockClassification.cpp -------------------------------------------===//

#include "LockClassification.h"
#include "QualifiedNames.h"
#include "ValueUse.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

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

bool isLockType(QualType T, const LockFlowOptions &Options) {
  if (T.isNull() || T->isReferenceType() || T->isPointerType() ||
      T->isDependentType())
    return false;
  return isOrDerivesFrom(getRecord(T), [&](const CXXRecordDecl *RD) {
    return Options.LockTypes.matches(RD) ||
           (Options.ScopedLockable && hasScopedLockableAttr(RD));
  });
}

bool isBlockingMutexType(QualType T, const LockFlowOptions &Options,
                         CoroutineTypeClassifier &Classifier) {
  if (T.isNull() || T->isReferenceType() || T->isPointerType() ||
      T->isDependentType() || isLockType(T, Options))
    return false;
  const CXXRecordDecl *Class = getRecord(T);
  bool Mutex = isOrDerivesFrom(Class, [&](const CXXRecordDecl *RD) {
    return Options.MutexTypes.matches(RD) || RD->hasAttr<CapabilityAttr>();
  });
  return Mutex && !isAsyncMutex(Class, Classifier);
}

/// True if the awaiter class \p Awaiter's `await_ready()` is a single
/// `return <constant true>;`: awaiting it never suspends.
static bool awaiterAlwaysReady(const CXXRecordDecl *Awaiter,
                               const ASTContext &Ctx) {
  if (!Awaiter || !Awaiter->hasDefinition())
    return false;
  const CXXMethodDecl *Ready = nullptr;
  isOrDerivesFrom(Awaiter, [&](const CXXRecordDecl *RD) {
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
    return isOrDerivesFrom(getRecord(Part->getType()),
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
  return isOrDerivesFrom(Mutex, [&](const CXXRecordDecl *RD) {
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

const Expr *lockValue(const Expr *E) {
  while (E) {
    E = ignoreValueWrappers(E);
    const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(E);
    if (!Cast || Cast->getTypeAsWritten()->isReferenceType())
      break;
    E = Cast->getSubExpr();
  }
  return E;
}

bool isAwaitedValue(const Expr *E) {
  return isa_and_nonnull<CoawaitExpr>(lockValue(E));
}

/// The mutex classes a lock of type \p T guards, as known from its type: the
/// type arguments of the lock class template (or of the base class template
/// that makes it a lock). False if the lock type is not a template; a null
/// entry stands for an argument that is not a class.
static bool
lockTemplateMutexes(QualType T, const LockFlowOptions &Options,
                    llvm::SmallVectorImpl<const CXXRecordDecl *> &Out) {
  return isOrDerivesFrom(getRecord(T), [&](const CXXRecordDecl *RD) {
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
// What a call does to a lock
//===----------------------------------------------------------------------===//

/// True if \p T is the std class \p Name.
static bool isStdClass(QualType T, llvm::StringRef Name) {
  const CXXRecordDecl *RD = getRecord(T);
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == Name;
}

bool isStdDeferLock(QualType T) { return isStdClass(T, "defer_lock_t"); }

bool isStdAdoptLock(QualType T) { return isStdClass(T, "adopt_lock_t"); }

bool isStdLockTag(QualType T) {
  return isStdDeferLock(T) || isStdAdoptLock(T) ||
         isStdClass(T, "try_to_lock_t");
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

} // namespace clang::tidy::coro::utils
