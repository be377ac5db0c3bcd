// SPDX-License-Identifier: MIT
#include "stats/costs.hpp"

#include <algorithm>
#include <cmath>

namespace carepath::stats {
namespace {

constexpr std::size_t drivers_of(model::CostPayer payer) {
  std::size_t n = 0;
  for (const model::CostDriverInfo& d : model::kCostDrivers) n += d.payer == payer ? 1 : 0;
  return n;
}

// The tables of stats/results.hpp follow kCostDrivers: a total, then one cost per driver.
constexpr bool tables_follow_drivers() {
  for (std::size_t d = 0; d < model::kCostDrivers.size(); ++d) {
    if (std::string_view(kCostMetrics[d + 1].name) != model::kCostDrivers[d].metric) return false;
  }
  return true;
}
static_assert(kCostMetrics.size() == model::kCostDrivers.size() + 1, "a total, then one cost per driver");
static_assert(tables_follow_drivers(), "kCostMetrics lists the drivers in kCostDrivers order");
static_assert(kServiceCostMetrics.size() == drivers_of(model::CostPayer::Service) + 1);
static_assert(kResourceCostMetrics.size() == drivers_of(model::CostPayer::Pool) + 1);

}  // namespace

ScenarioCostRates cost_rates(const model::Scenario& scenario) {
  ScenarioCostRates rates;
  if (!scenario.has_costs()) return rates;
  for (const model::Service& s : scenario.services) rates.services.push_back(s.costs);
  for (const model::Resource& pool : scenario.resources) rates.pools.push_back(pool.costs);
  return rates;
}

double cost_driver_units(model::CostDriver driver, const ReplicationResult& replication, std::size_t index) {
  const double window = replication.window;
  switch (driver) {
    case model::CostDriver::OpenBedDay: {
      // An unlimited service has no capacity to pay for (the loader refuses a cost for it).
      const double capacity = replication.services[index].mean_capacity;
      return std::isnan(capacity) ? 0 : capacity * window;
    }
    case model::CostDriver::OccupiedBedDay: {
      // mean_occupancy counts blocked patients too; they are charged as blocked bed-days instead.
      // The subtraction of two rounded integrals may come out a hair below 0.
      const ServiceResult& service = replication.services[index];
      return std::max(0.0, service.mean_occupancy * window - service.blocked_bed_days);
    }
    case model::CostDriver::BlockedBedDay: return replication.services[index].blocked_bed_days;
    case model::CostDriver::Patient:
    case model::CostDriver::Appointment: return replication.services[index].starts;
    case model::CostDriver::StaffHour: return replication.resources[index].mean_capacity * window * 24;
    case model::CostDriver::StaffDay: return replication.resources[index].mean_capacity * window;
    // NaN for a pool of units, whose per_visit the loader refuses.
    case model::CostDriver::Visit: return replication.resources[index].visits_delivered;
  }
  return 0;
}

void add_costs(const ScenarioCostRates& rates, ReplicationResult& replication) {
  replication.cost = CostResult{};
  const auto charge = [&](const std::vector<model::CostRates>& owners, std::vector<CostResult>& costs) {
    costs.assign(owners.size(), CostResult{});
    for (std::size_t i = 0; i < owners.size(); ++i) {
      CostResult& cost = costs[i];
      for (std::size_t d = 0; d < model::kCostDrivers.size(); ++d) {
        const double per_unit = owners[i].per_unit[d];
        if (per_unit == 0) continue;  // 0 x NaN would make an uncosted, unmeasured driver NaN
        const double amount = per_unit * cost_driver_units(model::kCostDrivers[d].driver, replication, i);
        // kCostMetrics lists the total, then one field per driver in kCostDrivers order.
        cost.*kCostMetrics[d + 1].field += amount;
        cost.total += amount;
      }
      for (const auto& metric : kCostMetrics) replication.cost.*metric.field += cost.*metric.field;
    }
  };
  charge(rates.services, replication.service_costs);
  charge(rates.pools, replication.resource_costs);
}

std::vector<std::size_t> listed_cost_metrics(std::string_view kind) {
  std::vector<std::size_t> listed;
  const auto add = [&](const auto& table) {
    for (const auto& metric : table) listed.push_back(cost_metric_index(metric.field));
  };
  if (kind == "service") {
    add(kServiceCostMetrics);
  } else if (kind == "resource") {
    add(kResourceCostMetrics);
  } else {
    add(kCostMetrics);
  }
  return listed;
}

}  // namespace carepath::stats
