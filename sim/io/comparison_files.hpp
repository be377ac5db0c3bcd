// SPDX-License-Identifier: MIT
// The paired differences of a what-if comparison (run/compare.hpp) as files:
// comparison.csv (variant,kind,name,metric,unit,base_mean,variant_mean,difference,ci_low,ci_high,n),
// tidy like the other CSVs, and comparison.json ({"base", "variants": [{"name", "description",
// "notes", "differences": [{"kind", "name", "metric", "unit", "base_mean", "variant_mean",
// "difference", "ci95", "n"}]}]}), with null for NaN. Written by results_writer.cpp.
#pragma once

#include <carepath/model/variant.hpp>
#include <carepath/run/compare.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace carepath::io {

void write_comparison_csv(const run::ComparisonResult& comparison, std::ostream& out);

/// `variants` supply the description, notes and changes of each compared variant, matched by
/// name; `base` its name and headline KPIs, whose differences each variant lists first.
[[nodiscard]] nlohmann::ordered_json comparison_json(const model::Scenario& base,
                                                     const std::vector<model::ScenarioVariant>& variants,
                                                     const run::ComparisonResult& comparison);

}  // namespace carepath::io
