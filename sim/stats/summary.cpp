// SPDX-License-Identifier: MIT
// Folding replications into estimates. Replications are independent and identically
// distributed, so the mean of a per-replication statistic has a Student-t confidence interval
// with n - 1 degrees of freedom; this holds well once each replication averages many patients,
// which is why per-replication means, not individual patients, are the unit of analysis.
#include <carepath/stats/results.hpp>

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace carepath::stats {

Estimate estimate(const std::vector<double>& values) {
  Estimate e;
  double mean = 0, m2 = 0;
  e.min = std::numeric_limits<double>::infinity();
  e.max = -std::numeric_limits<double>::infinity();
  for (double v : values) {
    if (std::isnan(v)) continue;
    ++e.n;
    const double delta = v - mean;
    mean += delta / e.n;
    m2 += delta * (v - mean);
    e.min = std::min(e.min, v);
    e.max = std::max(e.max, v);
  }
  if (e.n == 0) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, nan, nan, nan, nan, 0};
  }
  e.mean = mean;
  if (e.n < 2) {
    e.sd = std::numeric_limits<double>::quiet_NaN();
    e.ci_low = e.ci_high = mean;
    return e;
  }
  e.sd = std::sqrt(m2 / (e.n - 1));
  const boost::math::students_t t(e.n - 1);
  const double half_width = boost::math::quantile(boost::math::complement(t, 0.025)) * e.sd / std::sqrt(double(e.n));
  e.ci_low = mean - half_width;
  e.ci_high = mean + half_width;
  return e;
}

namespace {

/// Folds one metric table over a group of per-replication records picked by `record`.
template <class Result, std::size_t N, class Pick>
std::array<Estimate, N> fold(const std::array<MetricInfo<Result>, N>& metrics,
                             const std::vector<ReplicationResult>& replications, Pick record) {
  std::array<Estimate, N> estimates;
  std::vector<double> column(replications.size());
  for (std::size_t m = 0; m < N; ++m) {
    for (std::size_t r = 0; r < replications.size(); ++r) column[r] = record(replications[r]).*metrics[m].field;
    estimates[m] = estimate(column);
  }
  return estimates;
}

}  // namespace

Summary summarise(const SummaryLabels& labels, const std::vector<ReplicationResult>& replications) {
  Summary summary;
  const std::size_t n_services = labels.services.size();
  for (std::size_t s = 0; s < n_services; ++s) {
    summary.services.push_back(
        {labels.services[s], fold(kServiceMetrics, replications, [s](const auto& r) -> const auto& { return r.services[s]; })});
  }
  summary.system = fold(kSystemMetrics, replications, [](const auto& r) -> const auto& { return r.system; });
  for (std::size_t p = 0; p < labels.pathways.size(); ++p) {
    summary.pathways.push_back({labels.pathways[p], labels.pathway_targets[p],
                                fold(kPathwayMetrics, replications, [p](const auto& r) -> const auto& { return r.pathways[p]; })});
  }
  if (labels.patient_types.size() > 1) {
    for (std::size_t t = 0; t < labels.patient_types.size(); ++t) {
      for (std::size_t s = 0; s < n_services; ++s) {
        const std::size_t index = t * n_services + s;
        summary.by_type.push_back({labels.patient_types[t], labels.services[s],
                                   fold(kTypeServiceMetrics, replications,
                                        [index](const auto& r) -> const auto& { return r.by_type[index]; })});
      }
    }
  }
  if (!labels.currency.empty()) {
    for (std::size_t s = 0; s < n_services; ++s) {
      if (!labels.costed[s]) continue;
      summary.costs.push_back({labels.services[s], "service", s,
                               fold(kCostMetrics, replications, [s](const auto& r) -> const auto& {
                                 return r.service_costs[s];
                               })});
    }
    for (std::size_t p = 0; p < labels.costed_resources.size(); ++p) {
      if (!labels.costed_resources[p]) continue;
      summary.costs.push_back({labels.resources[p], "resource", p,
                               fold(kCostMetrics, replications, [p](const auto& r) -> const auto& {
                                 return r.resource_costs[p];
                               })});
    }
    summary.costs.push_back(
        {"total", "cost", 0, fold(kCostMetrics, replications, [](const auto& r) -> const auto& { return r.cost; })});
  }
  for (std::size_t p = 0; p < labels.resources.size(); ++p) {
    summary.resources.push_back({labels.resources[p], labels.resource_units[p],
                                 fold(kResourceMetrics, replications, [p](const auto& r) -> const auto& { return r.resources[p]; })});
  }
  for (std::size_t c = 0; c < labels.clinics.size(); ++c) {
    summary.clinics.push_back({labels.clinics[c],
                               fold(kClinicMetrics, replications, [c](const auto& r) -> const auto& { return r.clinics[c]; })});
  }
  for (const ReplicationResult& r : replications) {
    if (r.deadlock) ++summary.deadlocked_replications;
  }
  return summary;
}

}  // namespace carepath::stats
