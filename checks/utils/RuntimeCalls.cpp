//===--- RuntimeCalls.cpp -------------------------------------------------===//

#include "RuntimeCalls.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallVector.h"
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

bool expandsFrom(SourceLocation Loc, llvm::StringRef Macro,
                 const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  while (Loc.isMacroID()) {
    if (Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts()) == Macro)
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

FlagUse flagUse(const Stmt *S, llvm::StringRef Name, const ASTContext &Ctx,
                bool Negated) {
  if (!S)
    return FlagUse::Absent;
  if (const auto *Not = dyn_cast<UnaryOperator>(S))
    if (Not->getOpcode() == UO_Not)
      Negated = !Negated;
  bool Here = false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Here = isa<EnumConstantDecl>(Ref->getDecl()) &&
           Ref->getDecl()->getName() == Name;
  else if (isa<IntegerLiteral>(S))
    Here = expandsFrom(S->getBeginLoc(), Name, Ctx);
  if (Here)
    return Negated ? FlagUse::Cleared : FlagUse::Set;
  for (const Stmt *Child : S->children())
    if (FlagUse Use = flagUse(Child, Name, Ctx, Negated);
        Use != FlagUse::Absent)
      return Use;
  return FlagUse::Absent;
}

/// True if the value \p V is all zeros: an integer or floating zero, or a
/// struct, union or array whose every part is.
static bool isZeroValue(const APValue &V) {
  switch (V.getKind()) {
  case APValue::Int:
    return V.getInt().isZero();
  case APValue::Float:
    return V.getFloat().isZero();
  case APValue::Struct:
    for (unsigned I = 0; I < V.getStructNumBases(); ++I)
      if (!isZeroValue(V.getStructBase(I)))
        return false;
    for (unsigned I = 0; I < V.getStructNumFields(); ++I)
      if (!isZeroValue(V.getStructField(I)))
        return false;
    return true;
  case APValue::Array:
    for (unsigned I = 0; I < V.getArrayInitializedElts(); ++I)
      if (!isZeroValue(V.getArrayInitializedElt(I)))
        return false;
    return !V.hasArrayFiller() || isZeroValue(V.getArrayFiller());
  default:
    return false;
  }
}

bool isZeroTimeout(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return false;
  Expr::EvalResult Result;
  return E->EvaluateAsRValue(Result, Ctx) && isZeroValue(Result.Val);
}

namespace {
/// Walks the body of a variable's function and decides whether every use
/// of the variable keeps it zero (ZeroTimeoutPointees::pointsToZero).
class ZeroUses {
public:
  ZeroUses(const VarDecl *Var, const ASTContext &Ctx,
           llvm::function_ref<bool(const CallExpr *)> TakesTimeout)
      : Var(Var), Ctx(Ctx), TakesTimeout(TakesTimeout) {}

  bool allKeepZero(const Stmt *Body) {
    // An explicit walk with the ancestors on a stack: no parent map needed.
    llvm::SmallVector<std::pair<const Stmt *, unsigned>, 32> Work;
    Work.push_back({Body, 0});
    while (!Work.empty()) {
      auto [S, Depth] = Work.pop_back_val();
      Ancestors.resize(Depth);
      if (!S)
        continue;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
          Ref && Ref->getDecl() == Var && !useKeepsZero(Ref))
        return false;
      Ancestors.push_back(S);
      for (const Stmt *Child : S->children())
        Work.push_back({Child, Depth + 1});
    }
    return true;
  }

private:
  /// The ancestor \p Up levels above the use, skipping parentheses and
  /// no-op casts; null at the top.
  const Stmt *above(unsigned &Level) const {
    while (Level < Ancestors.size()) {
      const Stmt *S = Ancestors[Ancestors.size() - 1 - Level];
      const auto *Cast = dyn_cast<ImplicitCastExpr>(S);
      if (isa<ParenExpr>(S) ||
          (Cast && (Cast->getCastKind() == CK_NoOp ||
                    Cast->getCastKind() == CK_BitCast))) {
        ++Level;
        continue;
      }
      return S;
    }
    return nullptr;
  }

  bool useKeepsZero(const DeclRefExpr *Use) const {
    unsigned Level = 0;
    const Stmt *Parent = above(Level);
    if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(Parent))
      return Cast->getCastKind() == CK_LValueToRValue;  // a read
    // `v.tv_sec`: read, or written with a constant zero.
    while (isa_and_nonnull<MemberExpr>(Parent)) {
      ++Level;
      Parent = above(Level);
    }
    if (Level > 0) {
      if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(Parent))
        return Cast->getCastKind() == CK_LValueToRValue;
      if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent))
        return Assign->getOpcode() == BO_Assign &&
               isZeroTimeout(Assign->getRHS(), Ctx);
      return false;
    }
    // `&v` handed to a call that takes a timeout.
    if (const auto *Addr = dyn_cast_or_null<UnaryOperator>(Parent);
        Addr && Addr->getOpcode() == UO_AddrOf) {
      ++Level;
      const auto *Call = dyn_cast_or_null<CallExpr>(above(Level));
      return Call && TakesTimeout(Call);
    }
    return false;
  }

  const VarDecl *Var;
  const ASTContext &Ctx;
  llvm::function_ref<bool(const CallExpr *)> TakesTimeout;
  llvm::SmallVector<const Stmt *, 32> Ancestors;
};
} // namespace

bool ZeroTimeoutPointees::pointsToZero(
    const Expr *E, const ASTContext &Ctx,
    llvm::function_ref<bool(const CallExpr *)> TakesTimeout) {
  if (!E)
    return false;
  const auto *Addr = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
  if (!Addr || Addr->getOpcode() != UO_AddrOf)
    return false;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Addr->getSubExpr()->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      Var->getType()->isReferenceType())
    return false;
  auto [It, New] = Known.try_emplace(Var, false);
  if (!New)
    return It->second;
  const Expr *Init = Var->getInit();
  // A trivial default initialisation leaves the fields to assignments.
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init);
      Construct && Construct->getConstructor() &&
      Construct->getConstructor()->isTrivial() && Construct->getNumArgs() == 0)
    Init = nullptr;
  if (Init && !isZeroTimeout(Init, Ctx))
    return false;
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  if (!Function || !Function->getBody())
    return false;
  bool Zero = ZeroUses(Var, Ctx, TakesTimeout).allKeepZero(Function->getBody());
  // The map may have grown: look the entry up again.
  Known[Var] = Zero;
  return Zero;
}

} // namespace clang::tidy::coro::utils
