// SPDX-License-Identifier: MIT
// Costs of one replication, computed after it ran from what the recorder measured: a
// replication's cost is a function of its own results, so it gets a confidence interval and a
// paired difference like any other metric, and the engine knows nothing of money. Each cost
// driver (model/costs.hpp) is measured in one place, cost_driver_units; a staff pool's
// "per_staff_hour" would be measured there too, from the pool's capacity integral.
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/stats/results.hpp>

#include <vector>

namespace carepath::stats {

/// Each service's costs per unit, in scenario order; empty when the scenario has no costs.
[[nodiscard]] std::vector<model::ServiceCosts> cost_rates(const model::Scenario& scenario);

/// Units of `driver` at one service in a replication that measured `window` days: open bed-days
/// are the capacity's time-integral (so rosters and dated changes count), occupied bed-days those
/// of patients in service, blocked bed-days those of patients finished but not moved on, and
/// patients and appointments are patients who started service.
[[nodiscard]] double cost_driver_units(model::CostDriver driver, const ServiceResult& service, double window);

/// Fills `replication.service_costs` and `replication.cost` from its results and `rates`.
void add_costs(const std::vector<model::ServiceCosts>& rates, ReplicationResult& replication);

}  // namespace carepath::stats
