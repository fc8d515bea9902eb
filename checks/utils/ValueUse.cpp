//===--- ValueUse.cpp -----------------------------------------------------===//

#include "ValueUse.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::coro::utils {

/// The operand whose value \p E transports, or null if \p E is no
/// transport.
static const Expr *transported(const Expr *E) {
  if (const auto *Paren = dyn_cast<ParenExpr>(E))
    return Paren->getSubExpr();
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    return Cast->getSubExpr();
  if (const auto *Full = dyn_cast<FullExpr>(E)) // cleanups, ConstantExpr
    return Full->getSubExpr();
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return MTE->getSubExpr();
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return BTE->getSubExpr();
  if (const auto *Subst = dyn_cast<SubstNonTypeTemplateParmExpr>(E))
    return Subst->getReplacement();
  if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E))
    if (FCE->getCastKind() == CK_NoOp ||
        FCE->getCastKind() == CK_ConstructorConversion)
      return FCE->getSubExpr();
  // Copy/move constructions that only transport a prvalue (pre-C++17
  // elision artefacts, conversions between task types).
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 1 &&
        (Construct->getConstructor()->isCopyOrMoveConstructor() ||
         Construct->isElidable()))
      return Construct->getArg(0);
  return nullptr;
}

bool isValueTransport(const Expr *E) { return E && transported(E); }

const Expr *ignoreValueWrappers(const Expr *E) {
  while (E) {
    // clang's own list first (it also looks through __extension__ and
    // substituted template parameters), then ours.
    E = E->IgnoreParenImpCasts();
    if (const Expr *Inner = transported(E))
      E = Inner;
    else
      return E;
  }
  return E;
}

bool isDiscardedPosition(const Stmt *Parent, const Stmt *Child,
                         bool StmtExprBody) {
  if (const auto *Block = dyn_cast<CompoundStmt>(Parent))
    // The last statement of a statement expression is its value.
    return !(StmtExprBody && !Block->body_empty() &&
             Block->body_back() == Child);
  if (const auto *If = dyn_cast<IfStmt>(Parent))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *While = dyn_cast<WhileStmt>(Parent))
    return Child == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(Parent))
    return Child == Do->getBody();
  if (const auto *For = dyn_cast<ForStmt>(Parent))
    return Child == For->getBody() || Child == For->getInc();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Parent))
    return Child == Range->getBody();
  if (const auto *Case = dyn_cast<SwitchCase>(Parent))
    return Child == Case->getSubStmt();
  if (const auto *Label = dyn_cast<LabelStmt>(Parent))
    return Child == Label->getSubStmt();
  if (const auto *Comma = dyn_cast<BinaryOperator>(Parent))
    return Comma->getOpcode() == BO_Comma && Child == Comma->getLHS();
  return false;
}

void forEachDiscardedChild(const Stmt *S, bool StmtExprBody,
                           llvm::function_ref<void(const Expr *)> Fn) {
  for (const Stmt *Child : S->children())
    if (const auto *E = dyn_cast_or_null<Expr>(Child))
      if (isDiscardedPosition(S, E, StmtExprBody))
        Fn(E);
}

ValueUse valueUse(const Expr *E, const BodyParents &Parents) {
  ValueUse Use;
  Use.Child = E;
  while (true) {
    if (const Decl *D = Parents.parentDecl(Use.Child)) {
      Use.Declaration = D;
      return Use;
    }
    const Stmt *P = Parents.parent(Use.Child);
    if (!P)
      return Use;
    if (const auto *PE = dyn_cast<Expr>(P); PE && isValueTransport(PE)) {
      Use.Child = PE;
      continue;
    }
    Use.User = P;
    return Use;
  }
}

bool isDiscardedValue(const Expr &E, const BodyParents &Parents) {
  const Expr *Value = &E;
  while (true) {
    ValueUse Use = valueUse(Value, Parents);
    const Stmt *Child = Use.Child;
    const Stmt *User = Use.User;
    if (!User)
      return false; // a declaration's initialiser, or the root
    while (const auto *Attributed = dyn_cast<AttributedStmt>(User)) {
      Child = Attributed;
      User = Parents.parent(Attributed);
      if (!User)
        return false;
    }
    // The value passes on to the enclosing expression.
    if (const auto *Comma = dyn_cast<BinaryOperator>(User);
        Comma && Comma->getOpcode() == BO_Comma && Child == Comma->getRHS()) {
      Value = Comma;
      continue;
    }
    if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(User);
        Cond && Child != Cond->getCond()) {
      Value = Cond;
      continue;
    }
    bool StmtExprBody =
        isa<CompoundStmt>(User) &&
        isa_and_nonnull<StmtExpr>(Parents.parent(User));
    return isDiscardedPosition(User, Child, StmtExprBody);
  }
}

bool isExpressionStatement(const Expr &E, const BodyParents &Parents) {
  const Stmt *Child = &E;
  const Stmt *P = Parents.parent(Child);
  if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(P)) {
    Child = Cleanups;
    P = Parents.parent(Cleanups);
  }
  return isa_and_nonnull<CompoundStmt>(P);
}

} // namespace clang::tidy::coro::utils
