// SPDX-License-Identifier: MIT
// Paired differences. The unit of analysis is the replication, as in stats/summary.cpp: for each
// KPI, d_r = variant_r - base_r over the replications where both are finite, and the Student-t
// interval of mean(d) with n - 1 degrees of freedom. It is valid whatever the correlation
// between base and variant, because the pairs (base_r, variant_r) are independent across r; the
// correlation that common random numbers induce only shrinks sd(d). Batches run one after the
// other, each folded in replication order, so the comparison is as reproducible as a run.
#include <carepath/run/compare.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

namespace carepath::run {
namespace {

template <class Result, std::size_t N, class PickBase, class PickVariant>
void compare_table(const std::array<stats::MetricInfo<Result>, N>& metrics, const std::string& kind,
                   const std::string& name, const BatchResult& base, const BatchResult& variant, PickBase pick_base,
                   PickVariant pick_variant, std::vector<KpiDifference>& out) {
  const std::size_t n = base.replications.size();
  std::vector<double> differences(n);
  for (const auto& metric : metrics) {
    double base_sum = 0, variant_sum = 0;
    std::size_t paired = 0;
    for (std::size_t r = 0; r < n; ++r) {
      const double b = pick_base(base.replications[r]).*metric.field;
      const double v = pick_variant(variant.replications[r]).*metric.field;
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
    out.push_back({kind, name, metric.name, metric.unit, paired == 0 ? nan : base_sum / count,
                   paired == 0 ? nan : variant_sum / count, stats::estimate(differences)});
  }
}

std::optional<std::size_t> index_of(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - names.begin());
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

void compare_costs(const BatchResult& base, const BatchResult& variant, VariantDifferences& result) {
  const std::size_t first = result.differences.size();
  for (std::size_t s = 0; s < base.labels.services.size(); ++s) {
    const auto v = index_of(variant.labels.services, base.labels.services[s]);
    if (!v || !base.labels.costed[s]) continue;
    compare_table(stats::kServiceCostMetrics, "service", base.labels.services[s], base, variant,
                  [s](const stats::ReplicationResult& r) -> const auto& { return r.service_costs[s]; },
                  [v](const stats::ReplicationResult& r) -> const auto& { return r.service_costs[*v]; },
                  result.differences);
  }
  compare_table(stats::kCostMetrics, "cost", "total", base, variant,
                [](const stats::ReplicationResult& r) -> const auto& { return r.cost; },
                [](const stats::ReplicationResult& r) -> const auto& { return r.cost; }, result.differences);
  // Money in the scenario's currency ("GBP"), which the cost tables cannot know.
  for (std::size_t i = first; i < result.differences.size(); ++i) result.differences[i].unit = base.labels.currency;
  std::vector<double> cost_difference(base.replications.size());
  for (std::size_t r = 0; r < cost_difference.size(); ++r) {
    cost_difference[r] = variant.replications[r].cost.total - base.replications[r].cost.total;
  }
  result.cost_effects.push_back(cost_effect(
      "cost per blocked bed-day saved", "bed-days", cost_difference,
      summed(base.labels.services, variant.labels.services, base, variant,
             [](const stats::ReplicationResult& r, std::size_t i) { return r.services[i].blocked_bed_days; })));
  if (base.labels.pathways.empty()) return;
  result.cost_effects.push_back(cost_effect(
      "cost per breach avoided", "patients", cost_difference,
      summed(base.labels.pathways, variant.labels.pathways, base, variant,
             [](const stats::ReplicationResult& r, std::size_t i) { return r.pathways[i].breaches; })));
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
  // Matched by name: a variant may add services, which shifts indices but not names.
  for (std::size_t s = 0; s < base.labels.services.size(); ++s) {
    const std::string& name = base.labels.services[s];
    const auto v = index_of(variant.labels.services, name);
    if (!v) continue;
    compare_table(stats::kServiceMetrics, "service", name, base, variant,
                  [s](const stats::ReplicationResult& r) -> const auto& { return r.services[s]; },
                  [v](const stats::ReplicationResult& r) -> const auto& { return r.services[*v]; },
                  result.differences);
  }
  compare_table(stats::kSystemMetrics, "system", "system", base, variant,
                [](const stats::ReplicationResult& r) -> const auto& { return r.system; },
                [](const stats::ReplicationResult& r) -> const auto& { return r.system; }, result.differences);
  for (std::size_t p = 0; p < base.labels.pathways.size(); ++p) {
    const std::string& name = base.labels.pathways[p];
    const auto v = index_of(variant.labels.pathways, name);
    if (!v) continue;
    compare_table(stats::kPathwayMetrics, "pathway", name, base, variant,
                  [p](const stats::ReplicationResult& r) -> const auto& { return r.pathways[p]; },
                  [v](const stats::ReplicationResult& r) -> const auto& { return r.pathways[*v]; },
                  result.differences);
  }
  if (!base.labels.currency.empty() && !variant.labels.currency.empty()) compare_costs(base, variant, result);
  for (std::size_t p = 0; p < base.labels.resources.size(); ++p) {
    const std::string& name = base.labels.resources[p];
    const auto v = index_of(variant.labels.resources, name);
    if (!v) continue;
    compare_table(stats::kResourceMetrics, "resource", name, base, variant,
                  [p](const stats::ReplicationResult& r) -> const auto& { return r.resources[p]; },
                  [v](const stats::ReplicationResult& r) -> const auto& { return r.resources[*v]; },
                  result.differences);
  }
  for (std::size_t c = 0; c < base.labels.clinics.size(); ++c) {
    const std::string& name = base.labels.clinics[c];
    const auto v = index_of(variant.labels.clinics, name);
    if (!v) continue;
    compare_table(stats::kClinicMetrics, "clinic", name, base, variant,
                  [c](const stats::ReplicationResult& r) -> const auto& { return r.clinics[c]; },
                  [v](const stats::ReplicationResult& r) -> const auto& { return r.clinics[*v]; },
                  result.differences);
  }
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
