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

}  // namespace

VariantDifferences paired_differences(const std::string& variant_name, const BatchResult& base,
                                      const BatchResult& variant) {
  if (base.replications.size() != variant.replications.size()) {
    throw std::invalid_argument("paired differences need as many replications in the variant (" +
                                std::to_string(variant.replications.size()) + ") as in the base (" +
                                std::to_string(base.replications.size()) + ")");
  }
  VariantDifferences result{variant_name, {}};
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
