//===--- ChainGroups.h - one finding for a blocking step many share -------===//
//
// A helper that blocks is often called from everywhere: every logging
// macro of one real code base reached the same `std::filesystem::remove`
// (354 findings, one bug). Chain findings that end at the same step are
// reported once, at that step, when enough call sites share it: the
// maintainer fixes (or allows) the helper in one place. The sites become
// notes. Per-site findings stay what the checks emit (the plugin and the
// language server show them); grouping is the run's report, so it counts
// the sites of every unit.
//
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_CHAINGROUPS_H
#define CORO_TIDY_DRIVER_CHAINGROUPS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace coro_tidy {

/// The default of --group-chains-from.
constexpr unsigned DefaultGroupChainsFrom = 3;
/// How many of a group's call sites are listed as notes.
constexpr unsigned ListedGroupSites = 10;

/// A check's chain through helpers, with no fix to apply: a finding that
/// can be grouped.
bool isGroupableChain(const clang::tidy::ClangTidyError &Finding);

/// \p Chains in their order, except that the chains of one check ending
/// at the same step, when at least \p From of them do and the step's file
/// is \p Reportable (the run would report a finding there), are replaced
/// by one finding at that step, where the first of them was. \p From of 0
/// or 1 keeps every chain.
std::vector<clang::tidy::ClangTidyError>
groupSharedChains(std::vector<clang::tidy::ClangTidyError> Chains,
                  unsigned From,
                  llvm::function_ref<bool(llvm::StringRef File)> Reportable);

/// \p Message without the count of sites that a grouped finding's message
/// ends with: what its fingerprint hashes, so that an alert (dismissed
/// or not) stays the same alert when a call site is added or removed.
llvm::StringRef withoutSiteCount(llvm::StringRef Message);

} // namespace coro_tidy

#endif
