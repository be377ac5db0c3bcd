// SPDX-License-Identifier: MIT
#include "model/caseload_checks.hpp"

#include <algorithm>
#include <charconv>
#include <string>

namespace carepath::model {

namespace {

std::string number_text(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

/// The most staff the pool ever has on duty (overlapping shifts add up).
std::uint32_t most_staff(const Resource& pool) {
  std::uint32_t most = pool.capacity;
  for (const CapacityChange& change : pool.capacity_changes) most = std::max(most, change.capacity);
  std::uint32_t rostered = 0;
  for (const RosterShift& shift : pool.roster) rostered += shift.capacity;
  return std::max(most, rostered);
}

}  // namespace

void check_caseload_visits(const Scenario& scenario, std::vector<Diagnostic>& out) {
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const Service& service = scenario.services[i];
    bool has_visits = false;
    for (std::size_t j = 0; j < service.requires_resources.size(); ++j) {
      const ResourceNeed& need = service.requires_resources[j];
      const std::string at = "/services/" + std::to_string(i) + "/requires/" + std::to_string(j);
      const auto pool = std::find_if(scenario.resources.begin(), scenario.resources.end(),
                                     [&](const Resource& r) { return r.name == need.resource; });
      if (pool == scenario.resources.end()) continue;  // reported as an unknown name
      const bool in_visits = !need.visits_per_day.empty();
      if (in_visits && !pool->visits_per_staff_day) {
        out.push_back({Severity::Error, at + "/visits_per_day",
                       "'" + pool->name + "' has no visits_per_staff_day, so '" + service.name +
                           "' cannot need visits of it: give the pool its visits per staff day, or need it in units"});
        continue;
      }
      if (!in_visits && pool->visits_per_staff_day) {
        out.push_back({Severity::Error, at,
                       "'" + pool->name + "' is a visit pool (visits_per_staff_day), so '" + service.name +
                           "' must need it in visits_per_day, not in units"});
        continue;
      }
      if (!in_visits) continue;
      if (has_visits) {
        out.push_back({Severity::Error, at,
                       "'" + service.name + "' already needs visits of another pool: a caseload needs visits of one pool at most"});
        continue;
      }
      has_visits = true;
      const double most = most_staff(*pool) * *pool->visits_per_staff_day;
      const double largest = *std::max_element(need.visits_per_day.begin(), need.visits_per_day.end());
      if (largest > most) {
        out.push_back({Severity::Warning, at + "/visits_per_day",
                       "a patient needing " + number_text(largest) + " visits a day of '" + pool->name +
                           "', which never makes more than " + number_text(most) + ", can never start at '" +
                           service.name + "'"});
      }
    }
  }
}

}  // namespace carepath::model
