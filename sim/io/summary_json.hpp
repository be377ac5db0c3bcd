// SPDX-License-Identifier: MIT
// summary.json: the one file a program reads to get a run's answer. It records what was run
// (scenario, seed, replications, threads, horizon) and, for each service and for the whole
// system, every metric of stats/results.hpp with its unit, mean, 95% CI, sd, range and n. JSON
// has no NaN, so a statistic with nothing to measure (or not finite) is null, and a "note" beside
// it says why (missing_values.hpp). Written by results_writer.cpp.
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/run/batch.hpp>

#include <nlohmann/json.hpp>

#include <string_view>

namespace carepath::io {

/// One statistic: {"unit", "mean", "ci95", "sd", "min", "max", "n"} and a "note" beside any null.
[[nodiscard]] nlohmann::ordered_json estimate_json(std::string_view unit, const stats::Estimate& e);

[[nodiscard]] nlohmann::ordered_json summary_json(const model::Scenario& scenario,
                                                  const run::BatchResult& result);

}  // namespace carepath::io
