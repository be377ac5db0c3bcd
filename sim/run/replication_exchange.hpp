// SPDX-License-Identifier: MIT
// How run_batch spreads a block of replications over ranks (include/carepath/run/ranks.hpp):
// each rank runs a contiguous share, by index, and the shares travel as bytes, each replication's
// fields copied bit for bit (NaNs and signed zeros included), so that every rank ends with the
// vector one process would have filled. Each part names the batch it belongs to (scenario, seed,
// range), so ranks started with different commands or inputs are told apart instead of mixed.
#pragma once

#include <carepath/run/ranks.hpp>
#include <carepath/stats/results.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace carepath::run {

/// Replications [begin, end) of one batch.
struct ReplicationRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// Which batch a part belongs to.
struct BatchKey {
  std::string scenario;
  std::uint64_t seed = 0;
  ReplicationRange range;  ///< The whole block, not the rank's share.
};

/// Rank `rank` of `size`'s share of `range`: contiguous, sizes differing by at most one.
[[nodiscard]] ReplicationRange rank_share(ReplicationRange range, unsigned rank, unsigned size) noexcept;

/// replications[share.begin, share.end) as bytes, headed by `key`.
[[nodiscard]] std::string encode_replications(const BatchKey& key, ReplicationRange share,
                                              const std::vector<stats::ReplicationResult>& replications);

/// Who sent a part to whom, among how many ranks.
struct PartRoute {
  unsigned sender = 0;
  unsigned receiver = 0;
  unsigned ranks = 1;
};

/// Decodes a part of encode_replications into `replications` (already sized to key.range.end).
/// Throws RankFailed (naming the sender, status 1) when the part is of another batch than `key`,
/// not of the sender's share, or not whole.
void decode_replications(const std::string& part, const BatchKey& key, PartRoute route,
                         std::vector<stats::ReplicationResult>& replications);

/// After this rank ran its share of key.range into `replications`: every rank's share, into
/// every rank's `replications`. Throws RankFailed as Ranks::exchange does.
void exchange_replications(const Ranks& ranks, const BatchKey& key, std::vector<stats::ReplicationResult>& replications);

}  // namespace carepath::run
