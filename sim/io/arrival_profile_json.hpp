// SPDX-License-Identifier: MIT
// An arrival source's "profile": how its rate varies by hour, weekday and month, grows from year
// to year, rises in dated surges, or follows a daily series of observed arrivals (inline, or a
// CSV file `date,arrivals`). A daily series must give every day of the run, and excludes the
// weekday, month and growth keys, which its data already holds. The engine's reading of a
// profile is in engine/arrival_rate.hpp.
#pragma once

#include "io/json_reader.hpp"
#include "io/scenario_context.hpp"

#include <carepath/model/scenario.hpp>

#include <optional>

namespace carepath::io {

/// Returns nullopt after reporting any problem inside the profile.
std::optional<model::ArrivalProfile> expect_arrival_profile(JsonReader& r, const Json& value,
                                                            const ScenarioContext& context);

}  // namespace carepath::io
