// SPDX-License-Identifier: MIT
// A service's "capacity": a number of servers or beds, "unlimited", or a schedule
// {"base": 20, "changes": [{"from": "2023-01-09", "capacity": 26}], "roster": [{"days": "mon-fri",
// "from": "09:00", "to": "17:00", "capacity": 4}]}. Dated changes must come after the start date,
// each after the one before; a change after the run is allowed but warned about, as it never
// applies. Roster shifts run within one day (a night shift is written as two).
#pragma once

#include "io/json_reader.hpp"
#include "io/scenario_context.hpp"

#include <carepath/model/scenario.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace carepath::io {

/// The capacity fields of model::Service, read together.
struct CapacitySpec {
  std::optional<std::uint32_t> capacity;  ///< At the start; nullopt means unlimited.
  std::vector<model::CapacityChange> changes;
  std::vector<model::RosterShift> roster;
};

/// The rule of every dated change (capacity, clinic sessions): each date comes after the one
/// before it, and the first on or after the start date (a change on the start date replaces the
/// base), so a schedule reads in file order and no change hides another; a date after the run is
/// warned about. `previous` is the last date read; `written` the JSON of `from`.
void check_change_date(JsonReader& r, const Json& written, const model::Date& from,
                       const std::optional<model::Date>& previous, const ScenarioContext& context);

std::optional<CapacitySpec> expect_capacity(JsonReader& r, const Json& value, const ScenarioContext& context);

}  // namespace carepath::io
