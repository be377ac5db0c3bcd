// SPDX-License-Identifier: MIT
// A scenario as a planner states it: services (capacitated nodes of the pathway graph), arrival
// sources and run settings, in domain words. It is plain data: io/scenario_json.hpp builds it from
// JSON and checks every field; run/batch.hpp simulates it. Times are in days, rates per day.
#pragma once

#include <carepath/model/distribution.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace carepath::model {

/// Route target that means "leaves the system".
inline constexpr const char* kExit = "exit";

/// Where a patient goes after finishing at a service, with what probability.
struct Route {
  std::string to;  ///< A service name, or kExit.
  double probability = 1.0;
};

/// A capacitated node: beds, clinicians, cubicles or assessors serving one queue.
struct Service {
  std::string name;
  std::optional<std::uint32_t> capacity;     ///< Servers or beds; nullopt means unlimited.
  DistributionSpec service_time = Exponential{1.0};
  std::optional<std::uint32_t> queue_limit;  ///< Places to wait; nullopt means unlimited, 0 a loss system.
  std::vector<Route> routes;                 ///< Empty means every patient leaves the system.
  std::vector<std::string> notes;
};

/// A stream of patients arriving from outside: a Poisson process with a constant rate.
struct ArrivalSource {
  std::string name;
  std::string to;           ///< Service the patients arrive at.
  double rate_per_day = 0;  ///< Mean arrivals per day.
  std::vector<std::string> notes;
};

struct RunSettings {
  double horizon = 365;           ///< Length of each replication, days.
  double warm_up = 0;             ///< Initial period excluded from every statistic, days.
  std::uint32_t replications = 100;
  std::uint64_t seed = 1;
};

struct Scenario {
  std::string name;
  std::string description;
  std::vector<std::string> notes;
  RunSettings run;
  std::vector<ArrivalSource> arrivals;
  std::vector<Service> services;
};

}  // namespace carepath::model
