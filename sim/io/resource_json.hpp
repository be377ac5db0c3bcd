// SPDX-License-Identifier: MIT
// Shared resource pools: the top-level "resources" list
//   {"name": "community_nurses", "capacity": 12, "unit": "nurses"}
// (capacity as for a service: a number or a schedule with dated changes and a roster, but never
// "unlimited"), and a service's "requires": [{"resource": "community_nurses", "units": 1}].
// A visit pool adds "visits_per_staff_day": 6 (whole-day roster shifts only), and a caseload's need
// of it is in visits: {"resource": "community_nurses", "visits_per_day": 2} (or a list, [1, 2, 2]).
// A pool's "costs" (io/costs_json.hpp) are per_staff_hour for a pool of units, per_staff_day and
// per_visit for a visit pool.
#pragma once

#include "io/json_reader.hpp"
#include "io/scenario_context.hpp"

#include <carepath/model/scenario.hpp>

#include <optional>
#include <string>
#include <vector>

namespace carepath::io {

void read_resource(JsonReader& r, const Json& json, model::Resource& out, const ScenarioContext& context);

std::optional<std::vector<model::ResourceNeed>> expect_resource_needs(JsonReader& r, const Json& value);

/// A word of 1 to 32 characters for one unit: a pool's ("nurses") or a service's capacity ("places").
std::optional<std::string> expect_unit_word(JsonReader& r, const Json& value);

}  // namespace carepath::io
