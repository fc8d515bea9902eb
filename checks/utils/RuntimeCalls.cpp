//===--- RuntimeCalls.cpp -------------------------------------------------===//

#include "RuntimeCalls.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::coro::utils {

/// True if \p DC is (nested in) one of \p Scopes and in no `detail`
/// namespace on the way.
static bool inTwinScope(const DeclContext *DC,
                        llvm::ArrayRef<std::string> Scopes) {
  std::string Path;
  for (const DeclContext *C = DC; C; C = C->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(C)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      if (NS->getName() == "detail")
        return false;
      Path = Path.empty() ? NS->getName().str()
                          : NS->getName().str() + "::" + Path;
    }
  return llvm::any_of(Scopes, [&](const std::string &Scope) {
    llvm::StringRef S = llvm::StringRef(Scope).trim();
    S.consume_front("::");
    return !S.empty() && (Path == S || llvm::StringRef(Path).starts_with(
                                           (S + "::").str()));
  });
}

/// True if \p Found holds a function or function template (directly or
/// through a using declaration).
static bool declaresFunction(DeclContext::lookup_result Found) {
  for (const NamedDecl *ND : Found) {
    ND = ND->getUnderlyingDecl();
    if (isa<FunctionDecl>(ND) || isa<FunctionTemplateDecl>(ND))
      return true;
  }
  return false;
}

bool hasAsyncTwin(const FunctionDecl *FD, llvm::ArrayRef<std::string> Scopes) {
  if (!FD || Scopes.empty() || !FD->getIdentifier() ||
      FD->getName().starts_with("async_") || isa<CXXConstructorDecl>(FD) ||
      isa<CXXDestructorDecl>(FD))
    return false;
  ASTContext &Ctx = FD->getASTContext();
  DeclarationName Twin(&Ctx.Idents.get(("async_" + FD->getName()).str()));
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    const CXXRecordDecl *Class = MD->getParent();
    if (!inTwinScope(Class->getDeclContext(), Scopes))
      return false;
    // The class as instantiated and, for members of a class template, its
    // pattern: either declares every member.
    auto Declares = [&](const CXXRecordDecl *RD) {
      if (!RD || !RD->hasDefinition())
        return false;
      RD = RD->getDefinition();
      if (declaresFunction(RD->lookup(Twin)))
        return true;
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
        if (const ClassTemplateDecl *T = Spec->getSpecializedTemplate())
          if (const CXXRecordDecl *Pattern = T->getTemplatedDecl();
              Pattern && Pattern->hasDefinition())
            return declaresFunction(Pattern->getDefinition()->lookup(Twin));
      return false;
    };
    if (Declares(Class))
      return true;
    bool Found = false;
    if (Class->hasDefinition())
      Class->getDefinition()->forallBases([&](const CXXRecordDecl *Base) {
        Found = Declares(Base);
        return !Found;
      });
    return Found;
  }
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (!isa<NamespaceDecl>(DC) || !inTwinScope(DC, Scopes))
    return false;
  return declaresFunction(DC->getPrimaryContext()->lookup(Twin));
}

bool isZeroTimeout(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return false;
  Expr::EvalResult Result;
  if (!E->EvaluateAsRValue(Result, Ctx))
    return false;
  const APValue &V = Result.Val;
  if (V.isInt())
    return V.getInt().isZero();
  // std::chrono::duration: one field, the count.
  if (V.isStruct() && V.getStructNumFields() >= 1) {
    const APValue &Count = V.getStructField(0);
    if (Count.isInt())
      return Count.getInt().isZero();
    if (Count.isFloat())
      return Count.getFloat().isZero();
  }
  return false;
}

} // namespace clang::tidy::coro::utils
