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

std::optional<CapacitySpec> expect_capacity(JsonReader& r, const Json& value, const ScenarioContext& context);

}  // namespace carepath::io
