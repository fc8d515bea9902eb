//===--- BodyParents.cpp --------------------------------------------------===//

#include "BodyParents.h"
#include "OwnBody.h"

namespace clang::tidy::coro::utils {

class BodyParentsBuilder : public OwnBodyVisitor<BodyParentsBuilder> {
  using Base = OwnBodyVisitor<BodyParentsBuilder>;

public:
  explicit BodyParentsBuilder(BodyParents &Result) : Result(Result) {}

  void build(const Stmt *Root) {
    Result.Root = Root;
    if (!Root)
      return;
    Parent = Root;
    // The root's children; the root itself has no entry.
    Base::TraverseStmt(const_cast<Stmt *>(Root));
  }

  bool TraverseStmt(Stmt *S) {
    if (!S)
      return true;
    bool Inserted = Result.Map.try_emplace(S, BodyParents::Entry{Parent, Via})
                        .second;
    if (!Inserted)
      return true; // shared node: its subtree is mapped already
    const Stmt *SavedParent = Parent;
    const Decl *SavedVia = Via;
    Parent = S;
    Via = nullptr;
    bool Continue = Base::TraverseStmt(S);
    Parent = SavedParent;
    Via = SavedVia;
    return Continue;
  }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    const Decl *SavedVia = Via;
    Via = D;
    bool Continue = Base::TraverseDecl(D);
    Via = SavedVia;
    return Continue;
  }

private:
  BodyParents &Result;
  const Stmt *Parent = nullptr;
  const Decl *Via = nullptr;
};

BodyParents::BodyParents(const Stmt *Root) {
  BodyParentsBuilder(*this).build(Root);
}

BodyParents::BodyParents(const FunctionDecl &F) : BodyParents(F.getBody()) {}

} // namespace clang::tidy::coro::utils
