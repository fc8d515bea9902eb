//===--- Runtimes.cpp -----------------------------------------------------===//

#include "Runtimes.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace clang::tidy::coro::utils {

llvm::ArrayRef<RuntimePreset> runtimePresets() {
  // Asio lives in `boost::asio` and, standalone, in `asio`.
  static const std::vector<RuntimePreset> Presets = {
      {"corio",
       {"corio::Task", "corio::TaskHandle", "corio::AsyncGenerator"},
       {"corio::run"},
       {"corio::gather"},
       {"corio::gather"},
       {"corio::Result::ok", "corio::Result::operator bool",
        "corio::Result::error"},
       {"corio::Result::value"},
       {"corio::create_task"},
       "corio::sleep"},
      {"asio",
       {"boost::asio::awaitable", "asio::awaitable"},
       {"boost::asio::io_context::run", "boost::asio::io_context::run_one",
        "boost::asio::io_context::run_for", "boost::asio::io_context::run_until",
        "boost::asio::io_context::poll", "boost::asio::io_context::poll_one",
        "asio::io_context::run", "asio::io_context::run_one",
        "asio::io_context::run_for", "asio::io_context::run_until",
        "asio::io_context::poll", "asio::io_context::poll_one"},
       {"boost::asio::experimental::awaitable_operators::operator&&",
        "asio::experimental::awaitable_operators::operator&&"},
       {"boost::asio::experimental::parallel_group::async_wait",
        "asio::experimental::parallel_group::async_wait"},
       {},
       {},
       {"boost::asio::co_spawn", "asio::co_spawn"},
       ""},
      {"cobalt",
       {"boost::cobalt::task", "boost::cobalt::promise",
        "boost::cobalt::generator"},
       {"boost::cobalt::run"},
       {"boost::cobalt::join"},
       {"boost::cobalt::gather"},
       {"boost::variant2::result::has_value", "boost::variant2::result::has_error",
        "boost::variant2::result::operator bool"},
       {"boost::variant2::result::value", "boost::variant2::result::operator*"},
       {"boost::cobalt::spawn"},
       ""},
      {"cppcoro",
       {"cppcoro::task", "cppcoro::shared_task"},
       {"cppcoro::sync_wait"},
       {"cppcoro::when_all"},
       {"cppcoro::when_all_ready"},
       {},
       {"cppcoro::detail::when_all_task::result"},
       {},
       ""},
      {"folly",
       {"folly::coro::Task", "folly::coro::TaskWithExecutor"},
       {"folly::coro::blockingWait"},
       {"folly::coro::collectAll", "folly::coro::collectAllRange"},
       {"folly::coro::collectAllTry", "folly::coro::collectAllTryRange"},
       {"folly::Try::hasValue", "folly::Try::hasException"},
       {"folly::Try::value", "folly::Try::operator*", "folly::Try::operator->"},
       {"folly::coro::TaskWithExecutor::start", "folly::coro::Task::start"},
       ""},
      {"libcoro",
       {"coro::task"},
       {"coro::sync_wait"},
       {},
       {"coro::when_all"},
       {},
       {"coro::detail::when_all_task::return_value"},
       {"coro::spawn_joinable", "coro::thread_pool::spawn_joinable"},
       ""},
      {"async_simple",
       {"async_simple::coro::Lazy"},
       {"async_simple::coro::syncAwait"},
       {},
       {"async_simple::coro::collectAll"},
       {"async_simple::Try::hasError", "async_simple::Try::available"},
       {"async_simple::Try::value"},
       {},
       ""},
      {"stdexec",
       {"exec::task"},
       {"stdexec::sync_wait", "stdexec::sync_wait_with_variant"},
       {"stdexec::when_all"},
       {},
       {},
       {},
       {},
       ""},
  };
  return Presets;
}

std::vector<std::string>
presetNames(std::vector<llvm::StringRef> RuntimePreset::*Field) {
  std::vector<std::string> Names;
  for (const RuntimePreset &Preset : runtimePresets())
    for (llvm::StringRef Name : Preset.*Field)
      Names.push_back(Name.str());
  return Names;
}

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

} // namespace clang::tidy::coro::utils
