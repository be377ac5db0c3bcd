// SPDX-License-Identifier: MIT
// Costs in the results folder, written only when the scenario has costs (model/costs.hpp):
// summary.json's "costs" ({"currency", "symbol", "services": [{"name", "per_unit", "metrics"}],
// "resources": [the same per pool], "total": metrics}, each metric in kCostMetrics order with the
// currency as its unit: a service's the service drivers', a pool's the pool drivers', the total
// every one), summary_costs.csv and replications_costs.csv (tidy, a row per service, pool or the
// total and cost metric; kind "service", "resource" or "cost", as comparison.csv), and with
// variants cost_effects.csv (cost per blocked bed-day saved, per breach avoided, per missed visit
// avoided; run/compare.hpp CostEffect), whose rows comparison.json also lists per variant.
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string_view>

namespace carepath::io {

[[nodiscard]] nlohmann::ordered_json costs_json(const model::Scenario& scenario, const run::BatchResult& result);

/// kind,name,metric,unit,mean,ci_low,ci_high,sd,min,max,n; the unit is the currency ("GBP").
void write_summary_costs_csv(const run::BatchResult& result, std::ostream& out);
/// replication,kind,name,metric,unit,value.
void write_replications_costs_csv(const run::BatchResult& result, std::ostream& out);

/// One variant's cost effects, each {"measure", "saved_unit", "cost_difference", "saved", "ratio",
/// "ratio_unit", "note"?}: a note when the saving's interval covers 0 or the ratio is missing.
[[nodiscard]] nlohmann::ordered_json cost_effects_json(const run::VariantDifferences& variant, std::string_view currency);

/// variant,measure,cost_difference,cost_ci_low,cost_ci_high,saved,saved_unit,saved_ci_low,saved_ci_high,ratio,saved_ci_covers_0
void write_cost_effects_csv(const run::ComparisonResult& comparison, std::ostream& out);

}  // namespace carepath::io
