// SPDX-License-Identifier: MIT
// Random streams belong to a replication and a purpose, never to a thread (covid-sim's issue
// #179 is the cautionary tale). Each stream is a Boost mt19937_64 seeded by hashing
// (master seed, replication, purpose, index) through splitmix64, so:
//  - a replication gives the same numbers on any thread, in any order;
//  - keying by purpose gives common random numbers: the arrivals of replication r are the same
//    whatever happens downstream, which makes baseline-vs-plan comparisons paired.
#pragma once

#include <boost/random/mersenne_twister.hpp>

#include <cstdint>

namespace carepath::engine {

using RandomEngine = boost::random::mt19937_64;

/// What a stream is used for; one stream per (purpose, index) in each replication.
enum class StreamPurpose : std::uint32_t {
  Arrivals = 1,     ///< index: arrival source
  ServiceTime = 2,  ///< index: service
  Routing = 3,      ///< index: service the patient leaves
  Patience = 4,     ///< index: service whose queue the patient joins
  Transfer = 5,     ///< index: service the patient leaves
  InitialState = 6, ///< index: 0; residual stays and patience of patients present at time 0
};

/// splitmix64's finaliser: a bijective 64-bit mix with full avalanche.
[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t x) noexcept {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// The seed of stream (purpose, index) in replication `replication` of a batch seeded `seed`.
[[nodiscard]] constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint32_t replication,
                                                  StreamPurpose purpose, std::uint32_t index) noexcept {
  std::uint64_t h = splitmix64(seed);
  h = splitmix64(h ^ replication);
  h = splitmix64(h ^ static_cast<std::uint64_t>(purpose));
  return splitmix64(h ^ index);
}

[[nodiscard]] inline RandomEngine make_stream(std::uint64_t seed, std::uint32_t replication,
                                              StreamPurpose purpose, std::uint32_t index) {
  return RandomEngine(stream_seed(seed, replication, purpose, index));
}

}  // namespace carepath::engine
