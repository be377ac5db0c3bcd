// SPDX-License-Identifier: MIT
// A service's "initial" state: the patients already waiting and already in service when the run
// starts ("start from today"). Each list is written in one of three forms: cohorts
// [{"waited": "10w", "count": 5}], a histogram {"histogram": [{"from": "0w", "to": "4w", "count":
// 120}]} whose bins spread their patients evenly over the bin, or a CSV file `waited,count[,
// patient_type]` (`elapsed` instead of `waited` for patients in service). Patient types are
// checked here, where the CSV line is known; graph_checks.cpp compares the totals with capacity.
#pragma once

#include "io/json_reader.hpp"
#include "io/scenario_context.hpp"

#include <carepath/model/scenario.hpp>

#include <optional>
#include <vector>

namespace carepath::io {

struct InitialState {
  std::vector<model::InitialCohort> waiting;
  std::vector<model::InitialCohort> in_service;
};

/// Returns nullopt after reporting any problem.
std::optional<InitialState> expect_initial_state(JsonReader& r, const Json& value, const ScenarioContext& context);

}  // namespace carepath::io
