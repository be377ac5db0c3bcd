// SPDX-License-Identifier: MIT
// An arrival source's "profile": how its rate varies by hour, weekday and month, grows from year
// to year, rises in dated surges, or follows a daily series of observed arrivals (inline, or a
// CSV file `date,arrivals`). A daily series must give every day of the run, and excludes the
// weekday, month and growth keys, which its data already holds. "hour_of_week" (168 values) takes
// the place of hour_of_day and day_of_week; "hourly_rates" (patients per hour at each hour of the
// day) are loaded as the hour_of_day shape, with the source's rate their sum (apply_hourly_rates).
// The engine's reading of a profile is in engine/arrival_rate.hpp.
#pragma once

#include "io/json_reader.hpp"
#include "io/scenario_context.hpp"

#include <carepath/model/scenario.hpp>

#include <optional>

namespace carepath::io {

/// Returns nullopt after reporting any problem inside the profile.
std::optional<model::ArrivalProfile> expect_arrival_profile(JsonReader& r, const Json& value,
                                                            const ScenarioContext& context);

/// For a source whose profile gives "hourly_rates" (now in out.profile->hour_of_day): sets the
/// source's rate to their sum, after reporting at "rate" one written that differs from it.
void apply_hourly_rates(JsonReader& r, const Json& source, const std::optional<double>& rate,
                        model::ArrivalSource& out);

}  // namespace carepath::io
