// SPDX-License-Identifier: MIT
// Random streams belong to a replication and a purpose, never to a thread (covid-sim's issue
// #179 is the cautionary tale). Each stream is a Boost mt19937_64 seeded by hashing
// (master seed, replication, purpose, key) through splitmix64, so:
//  - a replication gives the same numbers on any thread, in any order;
//  - keying by purpose gives common random numbers: the arrivals of replication r are the same
//    whatever happens downstream, which makes baseline-vs-plan comparisons paired.
// The key of a source's or a service's streams is a hash of its NAME (name_key), not its position
// in the scenario. A what-if variant may add a service or a source (io/variant_overlay.cpp); with
// keys by index, every stream after the insertion point would shift to another service's numbers
// and the comparison would lose its pairing. Keyed by name, each unchanged source draws exactly
// the same arrival times in base and variant, and each unchanged service the same service times.
#pragma once

#include <boost/random/mersenne_twister.hpp>

#include <cstdint>
#include <string_view>

namespace carepath::engine {

using RandomEngine = boost::random::mt19937_64;

/// What a stream is used for; one stream per (purpose, key) in each replication.
enum class StreamPurpose : std::uint32_t {
  Arrivals = 1,     ///< key: name_key of the arrival source
  ServiceTime = 2,  ///< key: name_key of the service
  Routing = 3,      ///< key: name_key of the service the patient leaves
  Patience = 4,     ///< key: name_key of the service whose queue the patient joins
  Transfer = 5,     ///< key: name_key of the service the patient leaves
  InitialState = 6, ///< key: 0; residual stays and patience of patients present at time 0
  Visits = 7,       ///< key: name_key of the caseload service; each patient's visits a day
  Attendance = 8,   ///< key: name_key of the clinic's service; who does not attend
};

/// FNV-1a (64-bit) of `name`: a fixed, platform-independent function of the bytes, so stream keys
/// (and therefore results) never depend on std::hash, the compiler or the order of the scenario.
[[nodiscard]] constexpr std::uint64_t name_key(std::string_view name) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : name) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// splitmix64's finaliser: a bijective 64-bit mix with full avalanche.
[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t x) noexcept {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// The seed of stream (purpose, key) in replication `replication` of a batch seeded `seed`.
[[nodiscard]] constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint32_t replication,
                                                  StreamPurpose purpose, std::uint64_t key) noexcept {
  std::uint64_t h = splitmix64(seed);
  h = splitmix64(h ^ replication);
  h = splitmix64(h ^ static_cast<std::uint64_t>(purpose));
  return splitmix64(h ^ key);
}

[[nodiscard]] inline RandomEngine make_stream(std::uint64_t seed, std::uint32_t replication,
                                              StreamPurpose purpose, std::uint64_t key) {
  return RandomEngine(stream_seed(seed, replication, purpose, key));
}

}  // namespace carepath::engine
