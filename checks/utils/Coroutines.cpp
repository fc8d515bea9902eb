//===--- Coroutines.cpp ---------------------------------------------------===//

#include "Coroutines.h"
#include "ValueUse.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include <optional>

namespace clang::tidy::coro::utils {

const CXXRecordDecl *getRecord(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return nullptr;
  if (const CXXRecordDecl *Def = RD->getDefinition())
    return Def;
  return RD;
}

/// Looks \p Name up in \p RD and its bases.
static bool hasMemberNamed(const CXXRecordDecl *RD, DeclarationName Name) {
  if (!RD || !RD->hasDefinition())
    return false;
  if (!RD->lookup(Name).empty())
    return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (hasMemberNamed(getRecord(Base.getType()), Name))
      return true;
  return false;
}

static const NamedDecl *findMember(const CXXRecordDecl *RD,
                                   DeclarationName Name) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  auto Found = RD->lookup(Name);
  if (!Found.empty())
    return Found.front();
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (const NamedDecl *ND = findMember(getRecord(Base.getType()), Name))
      return ND;
  return nullptr;
}

bool CoroutineTypeClassifier::hasAwaiterMembers(const CXXRecordDecl *RD) const {
  auto &Idents = Ctx.Idents;
  return hasMemberNamed(RD, &Idents.get("await_ready")) &&
         hasMemberNamed(RD, &Idents.get("await_suspend")) &&
         hasMemberNamed(RD, &Idents.get("await_resume"));
}

bool CoroutineTypeClassifier::hasMemberCoAwait(const CXXRecordDecl *RD) const {
  return hasMemberNamed(RD,
                        Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait));
}

void CoroutineTypeClassifier::collectFreeCoAwaitOperators(
    const DeclContext *DC) {
  for (const Decl *D : DC->decls()) {
    if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->getOverloadedOperator() == OO_Coawait && !isa<CXXMethodDecl>(FD))
        FreeCoAwaitOperators.push_back(FD);
    } else if (const auto *Inner = dyn_cast<DeclContext>(D)) {
      // Namespace-scope operators only: ADL finds those; class scope is
      // covered by hidden friends below.
      if (isa<NamespaceDecl>(Inner) || isa<LinkageSpecDecl>(Inner) ||
          isa<ExportDecl>(Inner))
        collectFreeCoAwaitOperators(Inner);
    }
  }
}

/// The class template \p T names, if it is a specialization or the injected
/// class name of one.
static const ClassTemplateDecl *templateOf(QualType T) {
  T = T.getNonReferenceType().getUnqualifiedType();
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    return dyn_cast_or_null<ClassTemplateDecl>(
        TST->getTemplateName().getAsTemplateDecl());
  if (const auto *RD = getRecord(T)) {
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      return Spec->getSpecializedTemplate();
    return RD->getDescribedClassTemplate();
  }
  return nullptr;
}

/// True if parameter type \p Param names class \p RD, or its class
/// template when \p RD is a specialisation of it.
static bool namesClassOrTemplate(QualType Param, const CXXRecordDecl *RD) {
  if (const CXXRecordDecl *ParamRD = getRecord(Param))
    if (!Param->isDependentType() &&
        ParamRD->getCanonicalDecl() == RD->getCanonicalDecl())
      return true;
  const ClassTemplateDecl *ParamTemplate = templateOf(Param);
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  return ParamTemplate && Spec &&
         ParamTemplate->getCanonicalDecl() ==
             Spec->getSpecializedTemplate()->getCanonicalDecl();
}

static bool operatorAccepts(const FunctionDecl *Op, const CXXRecordDecl *RD) {
  return Op->getNumParams() == 1 &&
         namesClassOrTemplate(Op->getParamDecl(0)->getType(), RD);
}

bool CoroutineTypeClassifier::hasFreeCoAwait(const CXXRecordDecl *RD) {
  // Hidden friends: declared in the class, found by ADL only.
  for (const FriendDecl *Friend : RD->friends()) {
    const NamedDecl *ND = Friend->getFriendDecl();
    if (const auto *FTD = dyn_cast_or_null<FunctionTemplateDecl>(ND))
      ND = FTD->getTemplatedDecl();
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(ND))
      if (FD->getOverloadedOperator() == OO_Coawait)
        return true;
  }
  if (!FreeOperatorsCollected) {
    FreeOperatorsCollected = true;
    collectFreeCoAwaitOperators(Ctx.getTranslationUnitDecl());
  }
  for (const FunctionDecl *Op : FreeCoAwaitOperators)
    if (operatorAccepts(Op, RD))
      return true;
  return false;
}

/// True if the class \p RD can be an instance of \p Key, the keyed type of a
/// coroutine_traits partial specialisation, read shallowly without
/// deduction: a template parameter matches anything; a specialisation
/// matches a specialisation of the same template whose type arguments
/// match in turn (`coroutine_handle<post_promise<T>>` is not every
/// `coroutine_handle`); any other type must be the same class.
static bool keyMatches(QualType Key, const CXXRecordDecl *RD,
                       unsigned Depth = 0) {
  if (Key.isNull() || !RD || Depth > 8)
    return false;
  Key = Key.getCanonicalType().getUnqualifiedType();
  if (isa<TemplateTypeParmType>(Key))
    return true;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  const ClassTemplateDecl *Keyed = templateOf(Key);
  if (!Keyed)
    return !Key->isDependentType() && getRecord(Key) == RD;
  if (!Spec || Keyed->getCanonicalDecl() !=
                   Spec->getSpecializedTemplate()->getCanonicalDecl())
    return false;
  const auto *TST = Key->getAs<TemplateSpecializationType>();
  if (!TST)
    return true;
  llvm::ArrayRef<TemplateArgument> KeyArgs = TST->template_arguments();
  const TemplateArgumentList &Actual = Spec->getTemplateArgs();
  for (unsigned I = 0; I < KeyArgs.size() && I < Actual.size(); ++I) {
    if (KeyArgs[I].getKind() != TemplateArgument::Type ||
        Actual[I].getKind() != TemplateArgument::Type)
      continue; // Packs and values: not compared.
    QualType K = KeyArgs[I].getAsType();
    if (isa<TemplateTypeParmType>(K.getCanonicalType()))
      continue;
    QualType A = Actual[I].getAsType();
    if (!K->isDependentType()) {
      if (K.getCanonicalType().getUnqualifiedType() !=
          A.getCanonicalType().getUnqualifiedType())
        return false;
      continue;
    }
    if (!keyMatches(K, getRecord(A), Depth + 1))
      return false;
  }
  return true;
}

const CXXRecordDecl *CoroutineTypeClassifier::promiseType(QualType T) {
  const CXXRecordDecl *RD = getRecord(T);
  if (!RD)
    return nullptr;
  if (const auto *Promise =
          findMember(RD, &Ctx.Idents.get("promise_type")))
    if (const auto *TD = dyn_cast<TypeDecl>(Promise))
      return getRecord(Ctx.getTypeDeclType(TD));
  // std::coroutine_traits<T, Args...> specialised for T (libraries that
  // cannot add a nested promise_type to a type they do not own).
  const ClassTemplateDecl *Traits = coroutineTraits();
  if (!Traits)
    return nullptr;
  for (const ClassTemplateSpecializationDecl *Spec :
       Traits->specializations()) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type ||
        getRecord(Args[0].getAsType()) != RD)
      continue;
    if (const auto *P = findMember(Spec, &Ctx.Idents.get("promise_type")))
      if (const auto *TD = dyn_cast<TypeDecl>(P))
        return getRecord(Ctx.getTypeDeclType(TD));
  }
  // A partial specialisation keyed on T's template (asio::awaitable) whose
  // instantiation for T was not needed yet.
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return nullptr;
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 4> Partials;
  const_cast<ClassTemplateDecl *>(Traits)->getPartialSpecializations(Partials);
  for (const ClassTemplatePartialSpecializationDecl *Partial : Partials) {
    const TemplateArgumentList &Args = Partial->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
      continue;
    if (keyMatches(Args[0].getAsType(), RD))
      return Partial;
  }
  return nullptr;
}

const ClassTemplateDecl *CoroutineTypeClassifier::coroutineTraits() {
  if (TraitsLookedUp)
    return Traits;
  TraitsLookedUp = true;
  // Name lookup, not a walk of the declarations: libstdc++ declares
  // coroutine_traits in an inline namespace of std.
  auto &Idents = const_cast<ASTContext &>(Ctx).Idents;
  for (const NamedDecl *ND :
       Ctx.getTranslationUnitDecl()->lookup(&Idents.get("std")))
    if (const auto *Std = dyn_cast<NamespaceDecl>(ND))
      for (const NamedDecl *Member :
           Std->lookup(&Idents.get("coroutine_traits")))
        if ((Traits = dyn_cast<ClassTemplateDecl>(Member)))
          return Traits;
  return nullptr;
}

/// The constant value \p Method (an await_ready()) returns: a body that is
/// one return of a constant expression; none otherwise.
static std::optional<bool> constantResult(const CXXMethodDecl *Method,
                                          const ASTContext &Ctx) {
  if (!Method || !Method->hasBody())
    return std::nullopt;
  const auto *Body = dyn_cast<CompoundStmt>(Method->getBody());
  if (!Body || Body->size() != 1)
    return std::nullopt;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Ret || !Ret->getRetValue())
    return std::nullopt;
  Expr::EvalResult Result;
  if (!Ret->getRetValue()->EvaluateAsRValue(Result, Ctx) ||
      !Result.Val.isInt())
    return std::nullopt;
  return Result.Val.getInt().getBoolValue();
}

/// The method \p Member names, or the pattern of the member template.
static const CXXMethodDecl *methodOf(const NamedDecl *Member) {
  if (const auto *FTD = dyn_cast_or_null<FunctionTemplateDecl>(Member))
    Member = FTD->getTemplatedDecl();
  return dyn_cast_or_null<CXXMethodDecl>(Member);
}

/// The class \p T names, with a definition to read: the class itself; for a
/// specialisation not instantiated yet (the promise of a task whose
/// coroutines are only declared here) or a dependent one (a base in a
/// template), the template it is instantiated from (its primary template's
/// pattern when nothing chose a partial specialisation yet).
static const CXXRecordDecl *classOrPattern(QualType T) {
  if (T.isNull())
    return nullptr;
  const CXXRecordDecl *RD = getRecord(T);
  if (RD && RD->hasDefinition())
    return RD->getDefinition();
  if (RD)
    if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
      return Pattern;
  const ClassTemplateDecl *Template = nullptr;
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD))
    Template = Spec->getSpecializedTemplate();
  else if (const auto *TST = T->getAs<TemplateSpecializationType>())
    Template = dyn_cast_or_null<ClassTemplateDecl>(
        TST->getTemplateName().getAsTemplateDecl());
  if (Template && Template->getTemplatedDecl()->hasDefinition())
    return Template->getTemplatedDecl()->getDefinition();
  return nullptr;
}

/// Looks \p Name up in \p RD and its bases, read through classOrPattern.
static const NamedDecl *findInPattern(const CXXRecordDecl *RD,
                                      DeclarationName Name, unsigned Depth = 0) {
  if (!RD || Depth > 8)
    return nullptr;
  auto Found = RD->lookup(Name);
  if (!Found.empty())
    return Found.front();
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (const NamedDecl *ND =
            findInPattern(classOrPattern(Base.getType()), Name, Depth + 1))
      return ND;
  return nullptr;
}

/// The type \p Method returns; for an undeduced `auto` in a template
/// pattern, the type of the one expression its body returns.
static QualType returnTypeOf(const CXXMethodDecl *Method) {
  QualType T = Method->getReturnType();
  const DeducedType *Deduced = T->getContainedDeducedType();
  if (!Deduced || !Deduced->getDeducedType().isNull())
    return T;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Method->getBody());
  const auto *Ret = Body && Body->size() == 1
                        ? dyn_cast<ReturnStmt>(Body->body_front())
                        : nullptr;
  if (!Ret || !Ret->getRetValue() || Ret->getRetValue()->isTypeDependent())
    return QualType();
  return Ret->getRetValue()->getType();
}

CoroutineTypeKind
CoroutineTypeClassifier::initialStart(const CXXRecordDecl *Promise) const {
  Promise = Promise->hasDefinition()
                ? Promise->getDefinition()
                : classOrPattern(QualType(Promise->getTypeForDecl(), 0));
  // A coroutine_traits partial specialisation keyed on the task's template
  // (promiseType() for asio::awaitable): its promise_type names the
  // promise.
  if (Promise && isa<ClassTemplatePartialSpecializationDecl>(Promise))
    if (const auto *Alias = dyn_cast_or_null<TypedefNameDecl>(
            findInPattern(Promise, &Ctx.Idents.get("promise_type"))))
      Promise = classOrPattern(Alias->getUnderlyingType());
  const CXXMethodDecl *Initial =
      methodOf(findInPattern(Promise, &Ctx.Idents.get("initial_suspend")));
  const CXXRecordDecl *Awaiter =
      Initial ? classOrPattern(returnTypeOf(Initial)) : nullptr;
  if (!Awaiter)
    return CoroutineTypeKind::Task;
  // An initial awaiter whose await_ready() is a constant `true`
  // (std::suspend_never and look-alikes) never suspends: the task is eager.
  std::optional<bool> Ready = constantResult(
      methodOf(findInPattern(Awaiter, &Ctx.Idents.get("await_ready"))), Ctx);
  if (!Ready)
    return CoroutineTypeKind::Task; // Decided at run time.
  if (*Ready)
    return CoroutineTypeKind::EagerTask;
  // It suspends. Lazy only if suspending does nothing else: an await_suspend
  // with an empty body (std::suspend_always). One that does something may
  // start the coroutine elsewhere (concurrencpp's initial_scheduling_awaiter
  // posts it to an executor).
  const CXXMethodDecl *Suspend =
      methodOf(findInPattern(Awaiter, &Ctx.Idents.get("await_suspend")));
  const auto *SuspendBody =
      Suspend && Suspend->hasBody()
          ? dyn_cast<CompoundStmt>(Suspend->getBody())
          : nullptr;
  if (SuspendBody && SuspendBody->body_empty() &&
      Suspend->getReturnType()->isVoidType())
    return CoroutineTypeKind::LazyTask;
  return CoroutineTypeKind::Task;
}

CoroutineTypeKind
CoroutineTypeClassifier::classifyRecord(const CXXRecordDecl *RD) {
  bool Awaitable =
      hasAwaiterMembers(RD) || hasMemberCoAwait(RD) || hasFreeCoAwait(RD);
  const CXXRecordDecl *Promise = promiseType(QualType(RD->getTypeForDecl(), 0));
  if (!Promise)
    return Awaitable ? CoroutineTypeKind::Awaitable : CoroutineTypeKind::None;
  if (Awaitable)
    return initialStart(Promise);
  // No awaiter of its own. A range is a synchronous generator, pulled by
  // plain code; a lazy task without one is awaited through the awaiting
  // coroutine's promise (folly::coro::Task). Others (eager, or started by
  // their own promise) are no work a caller can lose.
  // A promise that yields makes a generator, pulled through its own
  // members (folly::coro::AsyncGenerator's next()), not a task.
  if (!hasMemberNamed(RD, &Ctx.Idents.get("begin")) && !yields(Promise) &&
      initialStart(Promise) == CoroutineTypeKind::LazyTask)
    return CoroutineTypeKind::TransformedTask;
  return CoroutineTypeKind::SyncGenerator;
}

bool CoroutineTypeClassifier::yields(const CXXRecordDecl *Promise) const {
  // Read through the pattern: the promise of a coroutine only declared here
  // is a specialisation nothing instantiated.
  return Promise &&
         findInPattern(classOrPattern(QualType(Promise->getTypeForDecl(), 0)),
                       &Ctx.Idents.get("yield_value"));
}

bool CoroutineTypeClassifier::isSyncGenerator(QualType T) {
  // The cheap tests first (a range whose promise yields), so that tasks,
  // which have neither, never reach classify().
  const CXXMethodDecl *Begin =
      methodOf(findInPattern(classOrPattern(T), &Ctx.Idents.get("begin")));
  const CXXRecordDecl *Promise = Begin ? promiseType(T) : nullptr;
  if (!Promise || !yields(Promise) ||
      classify(T) != CoroutineTypeKind::SyncGenerator)
    return false;
  // What begin() returns, read through its pattern too: a member class of a
  // specialisation is instantiated only when used.
  QualType Result = returnTypeOf(Begin);
  const CXXRecordDecl *Awaiter = classOrPattern(Result);
  return !isAwaitable(Result) &&
         !(Awaiter && (findInPattern(Awaiter, &Ctx.Idents.get("await_ready")) ||
                       findInPattern(Awaiter, Ctx.DeclarationNames
                                                  .getCXXOperatorName(
                                                      OO_Coawait))));
}

bool isAwaiterProtocolMember(const FunctionDecl *FD) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!Method || !Method->getIdentifier())
    return false;
  llvm::StringRef Name = Method->getName();
  return Name == "await_ready" || Name == "await_suspend" ||
         Name == "await_resume";
}

bool isSyncGeneratorCoroutine(const FunctionDecl *FD,
                              CoroutineTypeClassifier &Classifier) {
  return isCoroutine(FD) && Classifier.isSyncGenerator(FD->getReturnType());
}

bool CoroutineTypeClassifier::awaitableIn(QualType T,
                                          const FunctionDecl *Coroutine) {
  CoroutineTypeKind Kind = classify(T);
  if (Kind != CoroutineTypeKind::TransformedTask)
    return isAwaitableKind(Kind);
  return promiseAccepts(promiseAwaitTransforms(Coroutine), getRecord(T));
}

llvm::SmallVector<const FunctionDecl *, 4>
promiseAwaitTransforms(const FunctionDecl *Coroutine) {
  llvm::SmallVector<const FunctionDecl *, 4> Transforms;
  const auto *Body =
      dyn_cast_or_null<CoroutineBodyStmt>(Coroutine ? Coroutine->getBody()
                                                    : nullptr);
  if (!Body || !Body->getPromiseDecl())
    return Transforms;
  const CXXRecordDecl *Promise = getRecord(Body->getPromiseDecl()->getType());
  DeclarationName Name(
      &Coroutine->getASTContext().Idents.get("await_transform"));
  // The nearest class that declares the name hides those above it, as
  // member name lookup does ([class.member.lookup]); the depth bound only
  // guards against malformed hierarchies.
  llvm::SmallVector<const CXXRecordDecl *, 4> Level;
  if (Promise && Promise->hasDefinition())
    Level.push_back(Promise);
  for (unsigned Depth = 0; !Level.empty() && Depth < 16; ++Depth) {
    llvm::SmallVector<const CXXRecordDecl *, 4> Bases;
    for (const CXXRecordDecl *RD : Level) {
      for (const NamedDecl *ND : RD->lookup(Name)) {
        const NamedDecl *Target = ND->getUnderlyingDecl();
        if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(Target))
          Target = FTD->getTemplatedDecl();
        if (const auto *FD = dyn_cast<FunctionDecl>(Target))
          Transforms.push_back(FD);
      }
      for (const CXXBaseSpecifier &Base : RD->bases())
        if (const CXXRecordDecl *BaseRD = getRecord(Base.getType());
            BaseRD && BaseRD->hasDefinition())
          Bases.push_back(BaseRD);
    }
    if (!Transforms.empty())
      break;
    Level = std::move(Bases);
  }
  return Transforms;
}

/// True if the pattern of \p FTD takes one operand of any type, with no
/// constraint on it: `template <typename A> auto await_transform(A &&)`.
static bool takesAnyOperand(const FunctionTemplateDecl *FTD) {
  const FunctionDecl *Pattern = FTD->getTemplatedDecl();
  const TemplateParameterList *Params = FTD->getTemplateParameters();
  if (Pattern->getNumParams() != 1 || Pattern->getTrailingRequiresClause() ||
      Params->size() != 1 || Params->hasAssociatedConstraints())
    return false;
  QualType Param = Pattern->getParamDecl(0)->getType().getNonReferenceType();
  return Param.getUnqualifiedType()->getAs<TemplateTypeParmType>();
}

bool promiseAccepts(llvm::ArrayRef<const FunctionDecl *> Transforms,
                    const CXXRecordDecl *RD) {
  if (!RD)
    return false;
  for (const FunctionDecl *FD : Transforms) {
    if (FD->isDeleted() || FD->getNumParams() == 0)
      continue;
    const FunctionTemplateDecl *FTD = FD->getDescribedFunctionTemplate();
    if (!FTD) {
      const CXXRecordDecl *Param = getRecord(FD->getParamDecl(0)->getType());
      if (Param && (Param->getCanonicalDecl() == RD->getCanonicalDecl() ||
                    (RD->hasDefinition() && RD->isDerivedFrom(Param))))
        return true;
      continue;
    }
    // What the compiler already made of this template for the operand's
    // class template (another co_await in the unit), else its signature.
    for (const FunctionDecl *Spec : FTD->specializations())
      if (!Spec->isDeleted() && Spec->getNumParams() > 0 &&
          namesClassOrTemplate(Spec->getParamDecl(0)->getType(), RD))
        return true;
    if (takesAnyOperand(FTD))
      return true;
  }
  return false;
}

CoroutineTypeKind CoroutineTypeClassifier::classify(QualType T) {
  if (T.isNull() || T->isDependentType())
    return CoroutineTypeKind::None;
  // Only class prvalues and objects are awaitables we track; references to
  // awaitables returned by accessors are not newly produced work.
  if (T->isReferenceType() || T->isPointerType())
    return CoroutineTypeKind::None;
  const CXXRecordDecl *RD = getRecord(T);
  if (!RD || !RD->hasDefinition())
    return CoroutineTypeKind::None;
  const Type *Key = RD->getTypeForDecl();
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second;
  CoroutineTypeKind Kind = classifyRecord(RD);
  Cache[Key] = Kind;
  return Kind;
}

bool isCoroutine(const FunctionDecl *FD) {
  if (!FD)
    return false;
  return isCoroutineBody(FD->getBody());
}

const FunctionDecl *getEnclosingFunction(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  while (!Parents.empty()) {
    const DynTypedNode &P = Parents[0];
    if (const auto *FD = P.get<FunctionDecl>())
      return FD;
    if (const auto *Lambda = P.get<LambdaExpr>())
      return Lambda->getCallOperator();
    if (P.get<BlockDecl>())
      return nullptr;
    Parents = Ctx.getParents(P);
  }
  return nullptr;
}

const FunctionDecl *getEnclosingCoroutine(const Stmt &S, ASTContext &Ctx) {
  const FunctionDecl *FD = getEnclosingFunction(S, Ctx);
  return isCoroutine(FD) ? FD : nullptr;
}

std::string spelledText(const Expr *E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  CharSourceRange File = Lexer::makeFileCharRange(Range, SM, LO);
  if (File.isValid()) {
    llvm::StringRef Text = Lexer::getSourceText(File, SM, LO);
    if (!Text.empty())
      return Text.str();
  }
  const Expr *Stripped = ignoreValueWrappers(E);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Stripped))
    return Ref->getDecl()->getNameAsString();
  std::string Printed;
  llvm::raw_string_ostream OS(Printed);
  Stripped->printPretty(OS, nullptr, PrintingPolicy(LO));
  return OS.str();
}

std::string describeFunction(const FunctionDecl *FD) {
  if (!FD)
    return "<unknown>";
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda())
      return "lambda";
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  PrintingPolicy Policy(FD->getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressTemplateArgsInCXXConstructors = true;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    OS << MD->getParent()->getName() << "::";
  }
  FD->getNameForDiagnostic(OS, Policy, /*Qualified=*/false);
  return OS.str();
}

/// True if naming \p T as written goes through a typedef, an alias
/// template or decltype, at the top or in a template argument.
static bool spelledThroughAlias(QualType T, unsigned Depth = 0) {
  if (T.isNull() || Depth > 8)
    return false;
  const Type *Ty = T.getTypePtr();
  if (const auto *Elaborated = dyn_cast<ElaboratedType>(Ty))
    Ty = Elaborated->getNamedType().getTypePtr();
  if (isa<TypedefType, DecltypeType, UsingType>(Ty))
    return true;
  const auto *TST = dyn_cast<TemplateSpecializationType>(Ty);
  if (!TST)
    return false;
  if (TST->isTypeAlias())
    return true;
  for (const TemplateArgument &Arg : TST->template_arguments())
    if (Arg.getKind() == TemplateArgument::Type &&
        spelledThroughAlias(Arg.getAsType(), Depth + 1))
      return true;
  return false;
}

std::string spelledType(QualType T, const ASTContext &Ctx) {
  T = T.getUnqualifiedType();
  if (const CXXRecordDecl *RD = getRecord(T);
      RD && spelledThroughAlias(T))
    T = Ctx.getRecordType(RD);
  return T.getAsString(Ctx.getPrintingPolicy());
}

const FunctionDecl *getCalleeDecl(const Expr *E) {
  E = ignoreValueWrappers(E);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
    return Call->getDirectCallee();
  return nullptr;
}

namespace {
/// Every variable a statement refers to, including implicit code and
/// template instantiations.
class ReferenceCollector : public RecursiveASTVisitor<ReferenceCollector> {
public:
  explicit ReferenceCollector(llvm::DenseSet<const Decl *> &Found)
      : Found(Found) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    Found.insert(Ref->getDecl()->getCanonicalDecl());
    return true;
  }
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  llvm::DenseSet<const Decl *> &Found;
};
} // namespace

bool ReferencedVariables::isReferencedIn(const VarDecl *Var,
                                         const Stmt *Root) {
  if (!Root)
    return false;
  auto [It, Inserted] = ByRoot.try_emplace(Root);
  if (Inserted) {
    ReferenceCollector Collector(It->second);
    Collector.TraverseStmt(const_cast<Stmt *>(Root));
  }
  return It->second.contains(Var->getCanonicalDecl());
}

} // namespace clang::tidy::coro::utils
