// SPDX-License-Identifier: MIT
// Paired differences. The unit of analysis is the replication, as in stats/summary.cpp: for each
// KPI, d_r = variant_r - base_r over the replications where both are finite, and the Student-t
// interval of mean(d) with n - 1 degrees of freedom. It is valid whatever the correlation
// between base and variant, because the pairs (base_r, variant_r) are independent across r; the
// correlation that common random numbers induce only shrinks sd(d). Batches run one after the
// other, each folded in replication order, so the comparison is as reproducible as a run.
#include <carepath/run/compare.hpp>

#include <carepath/stats/kpi_kinds.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace carepath::run {
namespace {

// Every metric of one item: the base's at b_index against the variant's at v_index (indices into
// the replications' vectors of the kind).
void compare_item(const stats::KpiKindInfo& kind, const std::string& name, const BatchResult& base,
                  const BatchResult& variant, std::size_t b_index, std::size_t v_index,
                  std::vector<KpiDifference>& out) {
  const std::size_t n = base.replications.size();
  std::vector<double> differences(n);
  for (std::size_t m = 0; m < kind.metric_count; ++m) {
    double base_sum = 0, variant_sum = 0;
    std::size_t paired = 0;
    for (std::size_t r = 0; r < n; ++r) {
      const double b = kind.value(base.replications[r], b_index, m);
      const double v = kind.value(variant.replications[r], v_index, m);
      if (std::isfinite(b) && std::isfinite(v)) {
        differences[r] = v - b;
        base_sum += b;
        variant_sum += v;
        ++paired;
      } else {
        differences[r] = std::numeric_limits<double>::quiet_NaN();
      }
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double count = static_cast<double>(paired);
    // Money in the scenario's currency ("GBP"), which the cost tables cannot know.
    out.push_back({std::string(kind.word), name, kind.metric_name(m),
                   kind.cost ? base.labels.currency : std::string(kind.metric_unit(m)),
                   paired == 0 ? nan : base_sum / count, paired == 0 ? nan : variant_sum / count,
                   stats::estimate(differences)});
  }
}

// Per replication, the sum of `value` over the base's items that the variant also has: base and
// variant values, for items matched by name.
template <class Pick>
std::pair<std::vector<double>, std::vector<double>> summed(const std::vector<std::string>& base_names,
                                                           const std::vector<std::string>& variant_names,
                                                           const BatchResult& base, const BatchResult& variant,
                                                           Pick value) {
  const std::size_t n = base.replications.size();
  std::vector<double> b(n, 0), v(n, 0);
  for (std::size_t i = 0; i < base_names.size(); ++i) {
    const auto j = std::find(variant_names.begin(), variant_names.end(), base_names[i]);
    if (j == variant_names.end()) continue;
    const auto at = static_cast<std::size_t>(j - variant_names.begin());
    for (std::size_t r = 0; r < n; ++r) {
      b[r] += value(base.replications[r], i);
      v[r] += value(variant.replications[r], at);
    }
  }
  return {b, v};
}

CostEffect cost_effect(std::string label, std::string unit, const std::vector<double>& cost_difference,
                       const std::pair<std::vector<double>, std::vector<double>>& measure) {
  std::vector<double> saved(cost_difference.size());
  for (std::size_t r = 0; r < saved.size(); ++r) saved[r] = measure.first[r] - measure.second[r];
  CostEffect effect{std::move(label), std::move(unit), stats::estimate(cost_difference), stats::estimate(saved), 0, false};
  effect.ratio = effect.saved.mean != 0 ? effect.cost.mean / effect.saved.mean : std::numeric_limits<double>::quiet_NaN();
  effect.saved_uncertain = !(effect.saved.ci_low > 0 || effect.saved.ci_high < 0);
  return effect;
}

void compare_cost_effects(const BatchResult& base, const BatchResult& variant, VariantDifferences& result) {
  std::vector<double> cost_difference(base.replications.size());
  for (std::size_t r = 0; r < cost_difference.size(); ++r) {
    cost_difference[r] = variant.replications[r].cost.total - base.replications[r].cost.total;
  }
  result.cost_effects.push_back(cost_effect(
      "cost per blocked bed-day saved", "bed-days", cost_difference,
      summed(base.labels.services, variant.labels.services, base, variant,
             [](const stats::ReplicationResult& r, std::size_t i) { return r.services[i].blocked_bed_days; })));
  if (!base.labels.pathways.empty()) {
    result.cost_effects.push_back(cost_effect(
        "cost per breach avoided", "patients", cost_difference,
        summed(base.labels.pathways, variant.labels.pathways, base, variant,
               [](const stats::ReplicationResult& r, std::size_t i) { return r.pathways[i].breaches; })));
  }
  // A pool of units misses no visits: its visits_missed is NaN, and counts as none here.
  const auto missed = [](const stats::ReplicationResult& r, std::size_t i) {
    return std::isnan(r.resources[i].visits_missed) ? 0.0 : r.resources[i].visits_missed;
  };
  const auto is_visit_pool = [](const stats::ResourceResult& pool) { return !std::isnan(pool.visits_missed); };
  const bool visit_pools = !base.replications.empty() && std::any_of(base.replications.front().resources.begin(),
                                                                     base.replications.front().resources.end(),
                                                                     is_visit_pool);
  if (visit_pools) {
    result.cost_effects.push_back(cost_effect("cost per missed visit avoided", "visits", cost_difference,
                                              summed(base.labels.resources, variant.labels.resources, base, variant,
                                                     missed)));
  }
}

// A batch's names with one headline window's replications, to pair like a whole batch.
BatchResult windowed(const BatchResult& batch, const WindowedResults& window) {
  BatchResult view;
  view.labels = batch.labels;
  view.replications = window.replications;
  view.summary = window.summary;
  view.window = window.window;
  return view;
}

}  // namespace

VariantDifferences paired_differences(const std::string& variant_name, const BatchResult& base,
                                      const BatchResult& variant) {
  if (base.replications.size() != variant.replications.size()) {
    throw std::invalid_argument("paired differences need as many replications in the variant (" +
                                std::to_string(variant.replications.size()) + ") as in the base (" +
                                std::to_string(base.replications.size()) + ")");
  }
  VariantDifferences result{variant_name, {}, {}};
  const bool costs = !base.labels.currency.empty() && !variant.labels.currency.empty();
  for (const stats::KpiKindInfo& kind : stats::kpi_kinds()) {
    if (kind.cost && !costs) continue;
    // Matched by name: a variant may add services, which shifts indices but not names. Only the
    // items the base's summary has (a service's costs only when the base costs it).
    const std::vector<stats::KpiItem> variant_items = kind.items(variant.labels);
    for (const stats::KpiItem& item : kind.items(base.labels)) {
      const stats::KpiItem* v = stats::find_item(variant_items, item.name);
      if (v == nullptr || !item.summary) continue;
      compare_item(kind, item.name, base, variant, item.index, v->index, result.differences);
    }
  }
  if (costs) compare_cost_effects(base, variant, result);
  result.window = base.window;
  for (const WindowedResults& base_window : base.headline_windows) {
    const auto match = std::find_if(variant.headline_windows.begin(), variant.headline_windows.end(),
                                     [&](const WindowedResults& w) { return w.window == base_window.window; });
    if (match == variant.headline_windows.end()) continue;
    result.headline_windows.push_back(
        {base_window.window,
         paired_differences(variant_name, windowed(base, base_window), windowed(variant, *match)).differences});
  }
  return result;
}

ComparisonResult run_comparison(const model::Scenario& base, const std::vector<model::ScenarioVariant>& variants,
                                const BatchOptions& options) {
  ComparisonResult comparison;
  comparison.base = run_batch(base, options);
  for (const model::ScenarioVariant& variant : variants) {
    // The same seed as the base, whatever the variant's scenario says: the pairing depends on it.
    BatchOptions same = options;
    same.seed = comparison.base.seed;
    same.replications = static_cast<std::uint32_t>(comparison.base.replications.size());
    same.fixed_replications = true;
    comparison.variants.push_back({variant.name, run_batch(variant.scenario, same)});
    comparison.differences.push_back(
        paired_differences(variant.name, comparison.base, comparison.variants.back().result));
  }
  return comparison;
}

}  // namespace carepath::run
