// SPDX-License-Identifier: MIT
// A clinic's or panel's "sessions", written instead of "capacity":
//   {"timetable": [{"days": ["mon", "thu"], "at": "09:00", "slots": 8}],
//    "changes": [{"from": "2024-09-02", "timetable": [...]}],
//    "did_not_attend": 0.1, "not_attended": "rebook", "follow_ups": {"count": 2, "interval": "28d"}}
// where a session's "slots" may be {"new": 6, "follow_up": 4} to keep follow-up slots apart.
// Weekdays and times of day are written as in a roster (io/calendar_json.hpp); dated changes
// follow the rule of capacity changes (io/capacity_json.hpp); an empty timetable closes the clinic.
#pragma once

#include "io/json_reader.hpp"
#include "io/scenario_context.hpp"

#include <carepath/model/scenario.hpp>

#include <optional>

namespace carepath::io {

std::optional<model::ClinicSessions> expect_sessions(JsonReader& r, const Json& value, const ScenarioContext& context);

}  // namespace carepath::io
