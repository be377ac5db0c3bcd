// SPDX-License-Identifier: MIT
// What-if comparisons: the base scenario and its variants run with the same seed, so that
// replication r of every one of them draws the same arrivals and service times wherever the
// scenarios agree (common random numbers, engine/rng_streams.hpp). The difference variant - base is
// then taken replication by replication, and its mean gets a 95% Student-t confidence interval:
// the noise both runs share cancels, so the interval is much narrower than comparing two
// independent summaries.
//
//   auto set = carepath::io::load_scenario_set("scenarios/examples/what_if.json");
//   auto cmp = carepath::run::run_comparison(set.base, set.variants, {.threads = 4});
//   for (const auto& d : cmp.differences[0].differences) std::cout << d.name << ' ' << d.difference.mean << '\n';
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/model/variant.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/stats/results.hpp>

#include <optional>
#include <string>
#include <vector>

namespace carepath::run {

struct NamedBatch {
  std::string name;
  BatchResult result;
};

/// One KPI compared: kind is "service", "system" or "pathway"; name is the service or pathway
/// ("system" for the system); metric and unit are those of stats/results.hpp.
struct KpiDifference {
  std::string kind;
  std::string name;
  std::string metric;
  std::string unit;
  double base_mean = 0;     ///< Over the replications where both values are finite.
  double variant_mean = 0;  ///< Same replications.
  /// Of the per-replication differences variant - base: mean, sd, 95% CI, range and n (the
  /// replications where both are finite). An identical variant gives exactly 0 and CI [0, 0].
  stats::Estimate difference;
};

/// What a variant's change in total cost buys: the paired mean difference in total cost over the
/// paired mean reduction of a measure (blocked bed-days over every service, breaches over every
/// pathway, missed visits over every visit pool). The ratio of means, not a mean of ratios,
/// because a replication's reduction may be 0.
struct CostEffect {
  /// "cost per blocked bed-day saved", "cost per breach avoided", "cost per missed visit avoided".
  std::string label;
  std::string saved_unit;  ///< "bed-days", "patients" or "visits".
  stats::Estimate cost;    ///< Variant - base total cost, per replication.
  stats::Estimate saved;   ///< Base - variant of the measure, per replication.
  double ratio = 0;        ///< cost.mean / saved.mean; NaN when saved.mean is 0.
  /// saved's 95% interval covers 0: the variant may save nothing, and the ratio may mean nothing.
  bool saved_uncertain = false;
};

/// The paired differences over one headline window (BatchResult::headline_windows), in the
/// order of VariantDifferences::differences.
struct WindowDifferences {
  model::DateWindow window;
  std::vector<KpiDifference> differences;
};

struct VariantDifferences {
  std::string variant;
  /// Every service metric of the services both have, every system metric, then every pathway
  /// metric of the pathways both have, in the base's order and the metric tables' order; then,
  /// when both have costs, each costed service's and pool's cost metrics and the total's (kind "cost").
  std::vector<KpiDifference> differences;
  /// When base and variant both have costs: cost per blocked bed-day saved, then (with pathways)
  /// cost per breach avoided, then (with a visit pool) cost per missed visit avoided; cost differences are also in `differences` (kind "cost", and each
  /// costed service's and pool's "cost" metrics).
  std::vector<CostEffect> cost_effects;
  std::optional<model::DateWindow> window;  ///< The base's BatchResult::window: the dates compared.
  /// One per headline window that both base and variant measured, in the base's order.
  std::vector<WindowDifferences> headline_windows;
};

struct ComparisonResult {
  BatchResult base;
  std::vector<NamedBatch> variants;              ///< In the order given.
  std::vector<VariantDifferences> differences;   ///< One per variant, same order.
};

/// Paired differences variant - base, replication by replication. Both batches must have the same
/// number of replications; throws std::invalid_argument otherwise.
[[nodiscard]] VariantDifferences paired_differences(const std::string& variant_name, const BatchResult& base,
                                                    const BatchResult& variant);

/// Runs the base and every variant with the same options (seed, replications, threads) and pairs
/// each variant with the base. Throws ScenarioError if any scenario fails its checks.
[[nodiscard]] ComparisonResult run_comparison(const model::Scenario& base,
                                              const std::vector<model::ScenarioVariant>& variants,
                                              const BatchOptions& options = {});

}  // namespace carepath::run
