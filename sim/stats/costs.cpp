// SPDX-License-Identifier: MIT
#include "stats/costs.hpp"

#include <algorithm>
#include <cmath>

namespace carepath::stats {

static_assert(kCostMetrics.size() == model::kCostDrivers.size() + 1, "a total, then one cost per driver");

std::vector<model::ServiceCosts> cost_rates(const model::Scenario& scenario) {
  std::vector<model::ServiceCosts> rates;
  if (!scenario.has_costs()) return rates;
  for (const model::Service& s : scenario.services) rates.push_back(s.costs);
  return rates;
}

double cost_driver_units(model::CostDriver driver, const ServiceResult& service, double window) {
  switch (driver) {
    case model::CostDriver::OpenBedDay:
      // An unlimited service has no capacity to pay for (the loader refuses a cost for it).
      return std::isnan(service.mean_capacity) ? 0 : service.mean_capacity * window;
    case model::CostDriver::OccupiedBedDay:
      // mean_occupancy counts blocked patients too; they are charged as blocked bed-days instead.
      // The subtraction of two rounded integrals may come out a hair below 0.
      return std::max(0.0, service.mean_occupancy * window - service.blocked_bed_days);
    case model::CostDriver::BlockedBedDay: return service.blocked_bed_days;
    case model::CostDriver::Patient:
    case model::CostDriver::Appointment: return service.starts;
  }
  return 0;
}

void add_costs(const std::vector<model::ServiceCosts>& rates, ReplicationResult& replication) {
  replication.service_costs.assign(rates.size(), CostResult{});
  replication.cost = CostResult{};
  for (std::size_t s = 0; s < rates.size(); ++s) {
    CostResult& cost = replication.service_costs[s];
    for (std::size_t d = 0; d < model::kCostDrivers.size(); ++d) {
      const double per_unit = rates[s].per_unit[d];
      if (per_unit == 0) continue;  // 0 x NaN would make an uncosted, unmeasured driver NaN
      const double amount = per_unit * cost_driver_units(model::kCostDrivers[d].driver, replication.services[s],
                                                         replication.window);
      // kCostMetrics lists the total, then one field per driver in kCostDrivers order.
      cost.*kCostMetrics[d + 1].field += amount;
      cost.total += amount;
    }
    for (const auto& metric : kCostMetrics) replication.cost.*metric.field += cost.*metric.field;
  }
}

}  // namespace carepath::stats
