//===--- QualifiedNames.h - declarations by the names users write -*- C++ -*-===//
//
// How the checks name declarations: qualified names as users write them,
// sets of such names read from options, and searches through base classes.
// Every name-based question of every check goes through here.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_QUALIFIEDNAMES_H
#define CORO_TIDY_CHECKS_UTILS_QUALIFIEDNAMES_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <initializer_list>
#include <string>
#include <vector>

namespace clang::tidy::coro::utils {

/// `;`-joined form of \p Names, for default option values.
std::string joinNames(llvm::ArrayRef<std::string> Names);

/// The fully qualified name of \p D as users write it: namespaces and
/// classes from outermost to innermost, inline and anonymous namespaces
/// dropped, no template arguments (`std::future::get`, `boost::asio::co_spawn`,
/// `corio::run`).
std::string qualifiedName(const NamedDecl *D);

/// A set of qualified names read from a `;`-separated option. Entries may
/// start with `::`; an entry matches a declaration whose qualified name is
/// equal to it. A method entry `ns::Class::method` matches that method in
/// every specialization and in derived classes that do not override it.
class QualifiedNameSet {
public:
  QualifiedNameSet() = default;
  explicit QualifiedNameSet(llvm::ArrayRef<std::string> Names) { add(Names); }
  void add(llvm::ArrayRef<std::string> Names);
  void addName(llvm::StringRef Name);
  void remove(llvm::ArrayRef<std::string> Names);
  bool contains(llvm::StringRef QualifiedName) const {
    return Names.contains(QualifiedName);
  }
  bool matches(const NamedDecl *D) const;
  /// True if the function called by \p Call (a call, member call or
  /// operator call, through implicit wrappers) matches, or, for a call
  /// through a function object (`stdexec::when_all(...)`,
  /// `folly::coro::blockingWait(...)`), the object's variable matches.
  bool matchesCall(const Expr *Call) const;
  /// True if the class of \p T (references, cv and sugar removed) or the
  /// template it specialises matches.
  bool matchesType(QualType T) const;
  bool empty() const { return Names.empty(); }
  std::vector<std::string> sorted() const;

private:
  llvm::StringSet<> Names;
};

/// Splits a clang-tidy list option (`a;b; c`) into trimmed, non-empty items.
std::vector<std::string> parseNameList(llvm::StringRef Option);

/// Function names of a list option. An entry with a `::` is a qualified
/// name (QualifiedNameSet; a leading `::` names a global function); a bare
/// name (`read`) is a C function: it matches a global function with C
/// linkage or declared in a system header, so a user's own
/// `read(Buffer &)` is not mistaken for POSIX read.
class FunctionNameSet {
public:
  void add(llvm::ArrayRef<std::string> Names);
  void remove(llvm::ArrayRef<std::string> Names);
  bool matches(const NamedDecl *D) const;
  /// True if the qualified name `ns::Class::method` is listed.
  bool matchesMember(llvm::StringRef QualifiedName) const;

private:
  QualifiedNameSet Qualified;
  llvm::StringSet<> CNames;
};

/// True if \p RD or one of its bases (transitively, through their
/// definitions) satisfies \p Pred. \p Pred sees \p RD first.
bool isOrDerivesFrom(const CXXRecordDecl *RD,
                     llvm::function_ref<bool(const CXXRecordDecl *)> Pred);

/// True if \p RD is, or derives from, a class whose qualified name is one of
/// \p Names.
bool isOrDerivesFrom(const CXXRecordDecl *RD,
                     llvm::ArrayRef<llvm::StringRef> Names);

/// True if \p FD is `std::NAME` (in any inline namespace of std) for one of
/// \p Names.
bool isStdFunction(const FunctionDecl *FD,
                   std::initializer_list<llvm::StringRef> Names);

} // namespace clang::tidy::coro::utils

#endif
