//===--- ChainGroups.cpp --------------------------------------------------===//

#include "ChainGroups.h"
#include "utils/ProjectGraph.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"

using clang::tidy::ClangTidyError;
using clang::tidy::coro::utils::chainWording;

namespace coro_tidy {

/// Between a grouped finding's shared step and its count of sites.
static constexpr llvm::StringLiteral SitesSuffix =
    "; reached from coroutines at ";

static bool hasFix(const clang::tooling::DiagnosticMessage &M) {
  for (const auto &File : M.Fix)
    if (!File.second.empty())
      return true;
  return false;
}

bool isGroupableChain(const ClangTidyError &Finding) {
  if (Finding.DiagLevel == ClangTidyError::Error && !Finding.IsWarningAsError)
    return false; // A compile error.
  const auto *Wording = chainWording(Finding.DiagnosticName);
  if (!Wording || Finding.Notes.empty() ||
      !llvm::StringRef(Finding.Message.Message).contains(Wording->HeadlineMark) ||
      !llvm::StringRef(Finding.Notes.back().Message).contains(Wording->LastMark))
    return false;
  if (hasFix(Finding.Message))
    return false;
  for (const auto &Note : Finding.Notes)
    if (hasFix(Note))
      return false;
  return true;
}

/// The step every chain of a group ends at: its last note, which names
/// the helper that makes the blocking call and that call's callee.
static std::string groupKey(const ClangTidyError &Chain) {
  const clang::tooling::DiagnosticMessage &Last = Chain.Notes.back();
  return (Chain.DiagnosticName + "\n" + Last.FilePath + "\n" +
          llvm::Twine(Last.FileOffset) + "\n" + Last.Message)
      .str();
}

static clang::tooling::DiagnosticMessage
siteNote(const ClangTidyError &Chain) {
  clang::tooling::DiagnosticMessage Note = Chain.Message;
  Note.Fix.clear();
  return Note;
}

/// One finding at the shared step: the first site with its whole chain,
/// then the next sites' headlines.
static ClangTidyError groupFinding(const std::vector<ClangTidyError> &Chains,
                                   const std::vector<size_t> &Members) {
  const ClangTidyError &First = Chains[Members.front()];
  ClangTidyError Group = First;
  const clang::tooling::DiagnosticMessage &Last = First.Notes.back();
  Group.Message.FilePath = Last.FilePath;
  Group.Message.FileOffset = Last.FileOffset;
  Group.Message.Ranges = Last.Ranges;
  Group.Message.Fix.clear();
  size_t Listed = std::min<size_t>(Members.size(), ListedGroupSites);
  Group.Message.Message =
      (Last.Message + SitesSuffix +
       llvm::Twine(Members.size()) + " call sites" +
       (Listed < Members.size()
            ? " (" + llvm::Twine(Listed) + " listed)"
            : llvm::Twine()))
          .str();
  Group.Notes.clear();
  Group.Notes.push_back(siteNote(First));
  Group.Notes.insert(Group.Notes.end(), First.Notes.begin(),
                     First.Notes.end() - 1);
  for (size_t I = 1; I < Listed; ++I)
    Group.Notes.push_back(siteNote(Chains[Members[I]]));
  for (size_t Member : Members)
    Group.IsWarningAsError |= Chains[Member].IsWarningAsError;
  if (Group.IsWarningAsError)
    Group.DiagLevel = ClangTidyError::Error;
  return Group;
}

std::vector<ClangTidyError>
groupSharedChains(std::vector<ClangTidyError> Chains, unsigned From,
                  llvm::function_ref<bool(llvm::StringRef File)> Reportable) {
  if (From < 2)
    return Chains;
  // StringMap entries stay where they are as the map grows.
  llvm::StringMap<std::vector<size_t>> Groups;
  std::vector<const std::vector<size_t> *> GroupOf;
  GroupOf.reserve(Chains.size());
  for (size_t I = 0; I < Chains.size(); ++I) {
    std::vector<size_t> &Members = Groups[groupKey(Chains[I])];
    Members.push_back(I);
    GroupOf.push_back(&Members);
  }
  // Decided before any chain is moved into the result.
  std::vector<char> Grouped(Chains.size(), 0);
  for (const auto &Group : Groups) {
    const std::vector<size_t> &Members = Group.getValue();
    if (Members.size() >= From &&
        Reportable(Chains[Members.front()].Notes.back().FilePath))
      for (size_t Member : Members)
        Grouped[Member] = 1;
  }
  std::vector<ClangTidyError> Reported;
  for (size_t I = 0; I < Chains.size(); ++I) {
    if (!Grouped[I])
      Reported.push_back(std::move(Chains[I]));
    else if (GroupOf[I]->front() == I)
      Reported.push_back(groupFinding(Chains, *GroupOf[I]));
  }
  return Reported;
}

llvm::StringRef withoutSiteCount(llvm::StringRef Message) {
  return Message.take_front(Message.rfind(SitesSuffix));
}

} // namespace coro_tidy
