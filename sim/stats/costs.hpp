// SPDX-License-Identifier: MIT
// Costs of one replication, computed after it ran from what the recorder measured: a
// replication's cost is a function of its own results, so it gets a confidence interval and a
// paired difference like any other metric, and the engine knows nothing of money. Each cost
// driver (model/costs.hpp) is measured in one place, cost_driver_units: a service's from its
// ServiceResult, a shared pool's from its ResourceResult.
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/stats/results.hpp>

#include <string_view>
#include <vector>

namespace carepath::stats {

/// What each service and pool costs per unit, in scenario order; both empty when the scenario
/// has no costs.
struct ScenarioCostRates {
  std::vector<model::CostRates> services;
  std::vector<model::CostRates> pools;

  [[nodiscard]] bool empty() const { return services.empty() && pools.empty(); }
};

[[nodiscard]] ScenarioCostRates cost_rates(const model::Scenario& scenario);

/// Units of `driver` in one replication at the service or pool `index` (by the driver's payer),
/// over its measured window: open bed-days are the capacity's time-integral (so rosters and dated
/// changes count), occupied bed-days those of patients in service, blocked bed-days those of
/// patients finished but not moved on, patients and appointments are patients who started
/// service; a pool's staff-hours are its capacity's time-integral in hours, a visit pool's
/// staff-days the same in days, and its visits those delivered.
[[nodiscard]] double cost_driver_units(model::CostDriver driver, const ReplicationResult& replication,
                                       std::size_t index);

/// Fills `replication.service_costs`, `resource_costs` and `cost` from its results and `rates`.
void add_costs(const ScenarioCostRates& rates, ReplicationResult& replication);

/// The metrics a row of costs lists, as indices into kCostMetrics: a service's those of
/// kServiceCostMetrics, a pool's those of kResourceCostMetrics, the total's ("cost") every one.
[[nodiscard]] std::vector<std::size_t> listed_cost_metrics(std::string_view kind);

}  // namespace carepath::stats
