//===--- OwnBody.h - the statements one function body runs ------*- C++ -*-===//
//
// Every check asks questions about "the body of this function": the calls
// it makes, the co_awaits it suspends at, the results it declares. This is
// the one traversal that answers which statements belong to a body, with one
// rule for everything that could be mistaken for part of it:
//
// - Lambdas, blocks, local classes and local functions define bodies of
//   their own, which run when they are called: not entered. A lambda's
//   captures are evaluated where the lambda is written: entered.
// - Implicit code (a coroutine's promise calls, the await_ready /
//   await_suspend / await_resume calls of a co_await, default arguments,
//   implicit casts) runs as part of the body: entered, unless the visitor
//   asks for the written code only (shouldVisitImplicitCode() false, for
//   questions about what the user wrote, such as which functions they call).
// - Template instantiations: a body is walked as it is, instantiated or not;
//   an instantiation of a function is a function of its own, matched by the
//   checks as such. Local class templates are local classes (not entered).
// - Unevaluated operands (sizeof, alignof, decltype, noexcept, requires,
//   typeid of a non-polymorphic operand) and the discarded branch of an
//   `if constexpr` never run: not entered.
//
// Use: derive from OwnBodyVisitor<YourVisitor>, write Visit* methods as for
// any RecursiveASTVisitor, call TraverseStmt(F->getBody()).
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_OWNBODY_H
#define CORO_TIDY_CHECKS_UTILS_OWNBODY_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::coro::utils {

template <typename Derived>
class OwnBodyVisitor : public RecursiveASTVisitor<Derived> {
  using Base = RecursiveASTVisitor<Derived>;

public:
  /// \p Ctx decides which branch of an `if constexpr` is discarded; without
  /// it both branches are entered.
  explicit OwnBodyVisitor(const ASTContext *Ctx = nullptr) : Ctx(Ctx) {}

  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init && !this->getDerived().TraverseStmt(Init))
        return false;
    return true;
  }
  bool TraverseBlockExpr(BlockExpr *) { return true; }
  bool TraverseDecl(Decl *D) {
    if (D && isa<TagDecl, FunctionDecl, FunctionTemplateDecl, BlockDecl,
                 CapturedDecl>(D))
      return true;
    return Base::TraverseDecl(D);
  }

  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    return E->isPotentiallyEvaluated() ? Base::TraverseCXXTypeidExpr(E) : true;
  }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }

  bool TraverseIfStmt(IfStmt *If) {
    if (If->isConstexpr() && Ctx)
      if (std::optional<const Stmt *> Taken = If->getNondiscardedCase(*Ctx)) {
        if (If->getInit() && !this->getDerived().TraverseStmt(If->getInit()))
          return false;
        return !*Taken ||
               this->getDerived().TraverseStmt(const_cast<Stmt *>(*Taken));
      }
    return Base::TraverseIfStmt(If);
  }

protected:
  const ASTContext *Ctx;
};

} // namespace clang::tidy::coro::utils

#endif
