//===--- Runtimes.h - the vocabularies of the popular coroutine runtimes --===//
//
// One table, in one place, naming for each runtime its task types, event
// loop entry points, combinators, spawn functions and sleep function. Checks
// read their defaults from here; options add names for in-house runtimes.
// Names are fully qualified without a leading `::`; methods are written
// `ns::Class::method`. Every preset is on by default: qualified names do not
// collide across runtimes.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKS_UTILS_RUNTIMES_H
#define CORO_TIDY_CHECKS_UTILS_RUNTIMES_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace clang::tidy::coro::utils {

struct RuntimePreset {
  llvm::StringRef Name;
  /// Coroutine task types (class templates or classes).
  std::vector<llvm::StringRef> TaskTypes;
  /// Blocking event-loop entry points: must not run inside a coroutine.
  std::vector<llvm::StringRef> EntryPoints;
  /// Combinators that rethrow the first child failure and lose the others.
  std::vector<llvm::StringRef> FailFastCombinators;
  /// Combinators whose results hold a value or an error per child.
  std::vector<llvm::StringRef> SettledCombinators;
  /// Methods of a settled result that test it (ok(), hasValue()...).
  std::vector<llvm::StringRef> ResultCheckMethods;
  /// Methods of a settled result that rethrow when it holds an error.
  std::vector<llvm::StringRef> ResultAccessors;
  /// Functions that start a task and return a handle that must be kept.
  std::vector<llvm::StringRef> SpawnFunctions;
  /// The runtime's non-blocking sleep, if any (fix-it replacement).
  llvm::StringRef SleepFunction;
};

/// The built-in presets: corio, asio (Boost and standalone), cobalt, cppcoro,
/// folly, libcoro, async_simple, stdexec.
llvm::ArrayRef<RuntimePreset> runtimePresets();

/// The union of one field over every preset, e.g.
/// `presetNames(&RuntimePreset::EntryPoints)`.
std::vector<std::string>
presetNames(std::vector<llvm::StringRef> RuntimePreset::*Field);

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
  bool empty() const { return Names.empty(); }
  std::vector<std::string> sorted() const;

private:
  llvm::StringSet<> Names;
};

/// Splits a clang-tidy list option (`a;b; c`) into trimmed, non-empty items.
std::vector<std::string> parseNameList(llvm::StringRef Option);

} // namespace clang::tidy::coro::utils

#endif
