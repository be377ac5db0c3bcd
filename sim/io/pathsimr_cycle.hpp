// SPDX-License-Identifier: MIT
// PathSimR's calendars repeat a cycle of any length; carepath repeats its rosters and hour-of-week
// arrival shapes every week. A cycle whose length divides a week (a day, eight hours, a week) is
// unrolled over the week, exactly when its periods start on whole minutes (capacity) or whole hours
// (arrivals); otherwise capacity changes are moved to the nearest minute and arrival rates
// averaged within each hour, each with a warning. Any other cycle has no equivalent and is an
// error at the row that ends it.
#pragma once

#include "io/pathsimr_calendar.hpp"
#include <carepath/io/pathsimr_csv.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace carepath::io {

/// Where messages about one node's cycle go.
struct CycleContext {
  const std::string& calendar_file;
  const std::string& node;
  double hours_per_unit = 24;  ///< Hours in one unit of PathSimR time.
  std::vector<ImportProblem>& warnings;
  std::vector<ImportProblem>& problems;
};

/// A service's "capacity": a number, or {"base": 0, "roster": [...]} for a cycle.
[[nodiscard]] nlohmann::ordered_json pathsimr_capacity_json(const PathsimrCycle& cycle, const CycleContext& context);

/// The members an arrival source takes from its calendar: {"rate": ...}, {"profile":
/// {"hourly_rates": [...]}} or {"rate": ..., "profile": {"hour_of_week": [...]}}; nullopt when no
/// patient ever arrives. `unit` is the rate's unit, PathSimR's time unit.
[[nodiscard]] std::optional<nlohmann::ordered_json> pathsimr_arrival_json(const PathsimrCycle& cycle, const std::string& unit,
                                                                          const CycleContext& context);

}  // namespace carepath::io
