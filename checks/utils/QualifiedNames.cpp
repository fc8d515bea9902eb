//===--- QualifiedNames.cpp -----------------------------------------------===//

#include "QualifiedNames.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace clang::tidy::coro::utils {

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

static bool isOrDerivesFrom(
    const CXXRecordDecl *RD,
    llvm::function_ref<bool(const CXXRecordDecl *)> Pred, unsigned Depth) {
  // Depth bounds pathological (or invalid, circular) hierarchies.
  if (!RD || Depth > 16)
    return false;
  if (Pred(RD))
    return true;
  if (!RD->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &Base : RD->getDefinition()->bases())
    if (const CXXRecordDecl *BaseRD = Base.getType()->getAsCXXRecordDecl())
      if (isOrDerivesFrom(BaseRD, Pred, Depth + 1))
        return true;
  return false;
}

bool isOrDerivesFrom(const CXXRecordDecl *RD,
                     llvm::function_ref<bool(const CXXRecordDecl *)> Pred) {
  return isOrDerivesFrom(RD, Pred, 0);
}

bool isOrDerivesFrom(const CXXRecordDecl *RD,
                     llvm::ArrayRef<llvm::StringRef> Names) {
  return isOrDerivesFrom(RD, [&](const CXXRecordDecl *C) {
    return llvm::is_contained(Names, qualifiedName(C));
  });
}

bool isStdFunction(const FunctionDecl *FD,
                   std::initializer_list<llvm::StringRef> Names) {
  if (!FD || !FD->isInStdNamespace() || !FD->getIdentifier())
    return false;
  return llvm::is_contained(Names, FD->getName());
}

void FunctionNameSet::add(llvm::ArrayRef<std::string> Names) {
  for (const std::string &Name : Names) {
    llvm::StringRef N = llvm::StringRef(Name).trim();
    if (N.contains("::"))
      Qualified.addName(N);
    else if (!N.empty())
      CNames.insert(N);
  }
}

void FunctionNameSet::remove(llvm::ArrayRef<std::string> Names) {
  for (const std::string &Name : Names) {
    llvm::StringRef N = llvm::StringRef(Name).trim();
    if (N.contains("::"))
      Qualified.remove({N.str()});
    else
      CNames.erase(N);
  }
}

bool FunctionNameSet::matchesMember(
    llvm::StringRef QualifiedName) const {
  return Qualified.contains(QualifiedName);
}

bool FunctionNameSet::matches(const NamedDecl *D) const {
  if (!D)
    return false;
  if (!CNames.empty() && D->getIdentifier() &&
      CNames.contains(D->getName())) {
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->getDeclContext()->getRedeclContext()->isTranslationUnit()) {
        if (FD->isExternC())
          return true;
        const SourceManager &SM = FD->getASTContext().getSourceManager();
        if (SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
          return true;
      }
    }
  }
  // Constructors are listed as `ns::Class::Class`.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D)) {
    const CXXRecordDecl *Class = Ctor->getParent();
    return Class->getIdentifier() &&
           Qualified.contains(qualifiedName(Class) +
                              "::" + Class->getName().str());
  }
  return Qualified.matches(D);
}

} // namespace clang::tidy::coro::utils
