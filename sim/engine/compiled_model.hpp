// SPDX-License-Identifier: MIT
// The scenario flattened for the event loop: services and sources as arrays indexed by integer,
// routing as alias tables, distributions as ready samplers. Built once per batch by
// model::compile (sim/model/compile.cpp) and shared read-only by every replication and thread.
#pragma once

#include "engine/alias_table.hpp"
#include "engine/sampler.hpp"

#include <carepath/time.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace carepath::engine {

inline constexpr std::uint32_t kUnlimited = std::numeric_limits<std::uint32_t>::max();
/// A route target meaning "leaves the system".
inline constexpr std::uint32_t kExitTarget = std::numeric_limits<std::uint32_t>::max();

struct CompiledService {
  std::uint32_t capacity = kUnlimited;     ///< Servers; kUnlimited for an infinite-server node.
  std::uint32_t queue_limit = kUnlimited;  ///< Waiting places; 0 for a loss system.
  Sampler service_time;
  AliasTable routing;                      ///< Picks an index into route_targets.
  std::vector<std::uint32_t> route_targets;  ///< Service index or kExitTarget.
};

struct CompiledSource {
  double rate = 1;           ///< Mean arrivals per day.
  std::uint32_t target = 0;      ///< Service index.
};

struct CompiledModel {
  std::vector<CompiledService> services;
  std::vector<CompiledSource> sources;
  SimTime horizon = 0;
  SimTime warm_up = 0;
};

}  // namespace carepath::engine
