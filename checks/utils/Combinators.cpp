//===--- Combinators.cpp --------------------------------------------------===//

#include "Combinators.h"
#include "Coroutines.h"
#include "QualifiedNames.h"
#include "ValueUse.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::coro::utils {

//===-- Combinator calls ---------------------------------------------------===//

/// The first argument as the user wrote it: skips the object of a call
/// through a function object.
static const Expr *firstArgument(const CallExpr *Call) {
  unsigned First = 0;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Call)
    First = 1;
  if (Call->getNumArgs() <= First)
    return nullptr;
  return Call->getArg(First);
}

CombinatorKind classifyCombinatorCall(const Expr *E,
                                      const CombinatorVocabulary &Vocab) {
  const auto *Call = dyn_cast_or_null<CallExpr>(ignoreValueWrappers(E));
  if (!Call)
    return CombinatorKind::None;
  bool FailFast = Vocab.FailFast.matchesCall(Call);
  bool Settled = Vocab.Settled.matchesCall(Call);
  if (FailFast && Settled) {
    const Expr *First = firstArgument(Call);
    return First && Vocab.SettledTags.matchesType(First->getType())
               ? CombinatorKind::Settled
               : CombinatorKind::FailFast;
  }
  if (Settled)
    return CombinatorKind::Settled;
  if (FailFast)
    return CombinatorKind::FailFast;
  return CombinatorKind::None;
}

/// The local variable \p E names, through std::move and value wrappers: a
/// non-static, non-reference local with an initialiser (not a parameter).
static const VarDecl *awaitedLocal(const Expr *E) {
  E = ignoreValueWrappers(E);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E);
      Call && Call->getNumArgs() == 1 &&
      isStdFunction(Call->getDirectCallee(), {"move"}))
    E = ignoreValueWrappers(Call->getArg(0));
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  if (!Ref)
    return nullptr;
  const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
  if (!V || isa<ParmVarDecl>(V) || !V->hasLocalStorage() || !V->hasInit() ||
      V->getType()->isReferenceType())
    return nullptr;
  return V;
}

const CallExpr *awaitedCall(const CoawaitExpr *Await) {
  if (!Await || !Await->getOperand())
    return nullptr;
  const Expr *Operand = Await->getOperand();
  if (const auto *Call = dyn_cast<CallExpr>(ignoreValueWrappers(Operand))) {
    if (!isStdFunction(Call->getDirectCallee(), {"move"}))
      return Call;
  }
  // `auto l = collectAll(...); co_await std::move(l);`: the combinator's
  // awaitable stored first, awaited later.
  if (const VarDecl *Local = awaitedLocal(Operand))
    return dyn_cast_or_null<CallExpr>(ignoreValueWrappers(Local->getInit()));
  return nullptr;
}

/// True if \p T is one of the runtimes' placeholders for "no value"
/// (RuntimePreset::NoValueTypes). `std::false_type` is matched as the
/// specialisation it names.
static bool isNoValue(QualType T, llvm::ArrayRef<std::string> NoValueTypes) {
  const CXXRecordDecl *RD = getRecord(T);
  if (!RD)
    return false;
  std::string Name = qualifiedName(RD);
  if (llvm::is_contained(NoValueTypes, Name))
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      Spec && Name == "std::integral_constant" &&
      llvm::is_contained(NoValueTypes, "std::false_type")) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    return Args.size() == 2 &&
           Args[1].getKind() == TemplateArgument::Integral &&
           Args[1].getAsIntegral().isZero() &&
           Args[1].getIntegralType()->isBooleanType();
  }
  return false;
}

bool producesNoValue(QualType T, llvm::ArrayRef<std::string> NoValueTypes) {
  if (T.isNull())
    return false;
  if (T->isVoidType())
    return true;
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(getRecord(T));
  if (!Spec)
    return false;
  std::string Name = qualifiedName(Spec);
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Name == "std::vector")
    return Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
           isNoValue(Args[0].getAsType(), NoValueTypes);
  if (Name != "std::tuple" || Args.size() != 1 ||
      Args[0].getKind() != TemplateArgument::Pack ||
      Args[0].pack_size() == 0)
    return false;
  for (const TemplateArgument &Element : Args[0].pack_elements())
    if (Element.getKind() != TemplateArgument::Type ||
        !isNoValue(Element.getAsType(), NoValueTypes))
      return false;
  return true;
}

//===-- Handlers and discarded values --------------------------------------===//

static bool catchesEverything(const CXXTryStmt &Try) {
  for (unsigned I = 0, N = Try.getNumHandlers(); I < N; ++I) {
    const CXXCatchStmt *Handler = Try.getHandler(I);
    QualType Caught = Handler->getCaughtType();
    if (Caught.isNull())
      return true; // catch (...)
    const CXXRecordDecl *RD = getRecord(Caught);
    if (!RD || Caught->isPointerType())
      continue;
    if (qualifiedName(RD) == "std::exception")
      return true;
  }
  return false;
}

/// True if std::exception derives from \p RD (\p RD is one of its bases).
static bool isBaseOfStdException(const CXXRecordDecl *RD, ASTContext &Ctx) {
  // Look std::exception up in the translation unit.
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *NS = dyn_cast<NamespaceDecl>(D);
    if (!NS || !NS->isStdNamespace())
      continue;
    for (const NamedDecl *ND : NS->lookup(&Ctx.Idents.get("exception")))
      if (const auto *Exc = dyn_cast<CXXRecordDecl>(ND))
        if (isOrDerivesFrom(Exc->getDefinition(), [&](const CXXRecordDecl *C) {
              return C != Exc->getDefinition() &&
                     C->getCanonicalDecl() == RD->getCanonicalDecl();
            }))
          return true;
  }
  return false;
}

static bool handlerCatchesAll(const CXXTryStmt &Try, ASTContext &Ctx) {
  if (catchesEverything(Try))
    return true;
  for (unsigned I = 0, N = Try.getNumHandlers(); I < N; ++I) {
    QualType Caught = Try.getHandler(I)->getCaughtType();
    if (Caught.isNull() || Caught->isPointerType())
      continue;
    if (const CXXRecordDecl *RD = getRecord(Caught))
      if (RD->hasDefinition() && isBaseOfStdException(RD, Ctx))
        return true;
  }
  return false;
}

bool isInsideCatchingTry(const Stmt &S, const BodyParents &Parents,
                         ASTContext &Ctx) {
  const Stmt *Child = &S;
  for (const Stmt *P = Parents.parent(Child); P;
       Child = P, P = Parents.parent(P)) {
    // A capture's initialiser: the lambda is its own scope.
    if (isa<LambdaExpr, CoroutineBodyStmt>(P))
      return false;
    if (const auto *Try = dyn_cast<CXXTryStmt>(P))
      if (Child == Try->getTryBlock() && handlerCatchesAll(*Try, Ctx))
        return true;
  }
  return false;
}

} // namespace clang::tidy::coro::utils
