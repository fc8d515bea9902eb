//===--- BodyParents.h - parent map of one function body -------*- C++ -*-===//
//
// clang's ASTContext::getParents() builds the parent map of the whole
// translation unit on first use: every header, all of Boost and the
// standard library. Checks that only ask about statements of one function
// build this map instead: one walk over that function's body.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_BODYPARENTS_H
#define CORO_TIDY_CHECKS_UTILS_BODYPARENTS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::coro::utils {

/// The parents of the statements of one function body (OwnBody.h says
/// which statements those are: implicit code included, lambdas' bodies and
/// local classes not, unevaluated operands not). A statement reached twice
/// keeps its first parent, as ASTContext::getParents()[0] does.
class BodyParents {
public:
  explicit BodyParents(const FunctionDecl &F);
  /// The statements under \p Root (which has no parent here).
  explicit BodyParents(const Stmt *Root);

  /// The nearest statement above \p S, skipping declarations between them
  /// (an initialiser's parent is its DeclStmt); null for the root and for
  /// statements outside the body.
  const Stmt *parent(const Stmt *S) const {
    auto It = Map.find(S);
    return It == Map.end() ? nullptr : It->second.Parent;
  }
  /// The declaration directly above \p S when there is one (the VarDecl
  /// \p S initialises, a BindingDecl, ...); null when \p S's direct parent
  /// is parent(S).
  const Decl *parentDecl(const Stmt *S) const {
    auto It = Map.find(S);
    return It == Map.end() ? nullptr : It->second.Via;
  }
  /// True if \p S is the root or below it.
  bool contains(const Stmt *S) const { return S == Root || Map.count(S); }
  const Stmt *root() const { return Root; }

private:
  struct Entry {
    const Stmt *Parent;
    const Decl *Via;
  };
  friend class BodyParentsBuilder;
  const Stmt *Root = nullptr;
  llvm::DenseMap<const Stmt *, Entry> Map;
};

} // namespace clang::tidy::coro::utils

#endif
