// SPDX-License-Identifier: MIT
// Figures in the JSON documents the commands write themselves (sweep.json, optimise.json,
// calibration.json), under the contract of every results file (include/carepath/io/missing_notes.hpp):
// a number that is not finite is null, never NaN. The library's own writers keep it with a private
// twin of number_or_null (sim/io/missing_values.hpp); the public API names no nlohmann type.
#pragma once

#include <carepath/stats/results.hpp>

#include <nlohmann/json.hpp>

namespace carepath::cli {

/// `value` as JSON, or null when it is NaN or infinite.
[[nodiscard]] nlohmann::ordered_json number_or_null(double value);

/// {"mean": m, "ci95": [low, high], "n": n}, each number as number_or_null writes it.
[[nodiscard]] nlohmann::ordered_json estimate_json(const stats::Estimate& e);

}  // namespace carepath::cli
