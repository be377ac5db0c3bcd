// SPDX-License-Identifier: MIT
#include "io/missing_values.hpp"

#include <cmath>
#include <cstddef>

namespace carepath::io {

nlohmann::ordered_json number_or_null(double value) {
  if (!std::isfinite(value)) return nullptr;
  return value;
}

namespace {

constexpr const char* kNotFinite = ": values are not finite numbers (infinite or undefined); written as empty CSV cells "
                                   "and JSON null";

bool not_finite(const stats::Estimate& e) {
  if (e.n == 0) return false;
  const bool point_ok = std::isfinite(e.mean) && std::isfinite(e.min) && std::isfinite(e.max) &&
                        std::isfinite(e.ci_low) && std::isfinite(e.ci_high);
  return !point_ok || (e.n >= 2 && !std::isfinite(e.sd));
}

template <class Table, class Estimates>
void warn_estimates(const std::string& where, const Table& table, const Estimates& estimates,
                    std::vector<std::string>& warnings) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (not_finite(estimates[i])) warnings.push_back(where + ", " + table[i].name + kNotFinite);
  }
}

// A trajectory series whose cells had values (n > 0) but a band that is not finite.
void warn_bands(const stats::TrajectorySummary& t, const stats::TrajectoryBands& bands, const char* period,
                std::vector<std::string>& warnings) {
  const std::size_t series = t.series.size();
  std::vector<bool> warned(series, false);
  for (std::size_t cell = 0; cell < bands.n.size(); ++cell) {
    const std::size_t s = cell % series;
    if (warned[s] || bands.n[cell] == 0) continue;
    for (const std::vector<double>* band : {&bands.mean, &bands.p5, &bands.p25, &bands.p50, &bands.p75, &bands.p95}) {
      if (std::isfinite((*band)[cell])) continue;
      warned[s] = true;
      const stats::TrajectorySeries& info = t.series[s];
      warnings.push_back(std::string("trajectory of ") +
                         (info.kind == stats::TrajectoryKind::Service   ? "service '"
                          : info.kind == stats::TrajectoryKind::Pathway ? "pathway '"
                                                                          : "resource '") + info.name +
                         "', " + info.metric + " per " + period + kNotFinite);
      break;
    }
  }
}

}  // namespace

std::string missing_note(const stats::Estimate& e) {
  if (e.n == 0) return "nothing to measure: no replication had a value";
  if (not_finite(e)) return "not a finite number: a replication's value was infinite or undefined";
  if (!std::isfinite(e.sd)) return "one replication with a value: no standard deviation";
  return {};
}

std::vector<std::string> non_finite_warnings(const run::BatchResult& result) {
  std::vector<std::string> warnings;
  const stats::Summary& s = result.summary;
  for (const stats::ServiceSummary& service : s.services) {
    warn_estimates("service '" + service.name + "'", stats::kServiceMetrics, service.metrics, warnings);
  }
  warn_estimates("system", stats::kSystemMetrics, s.system, warnings);
  for (const stats::PathwaySummary& pathway : s.pathways) {
    warn_estimates("pathway '" + pathway.name + "'", stats::kPathwayMetrics, pathway.metrics, warnings);
  }
  for (const stats::TypeServiceSummary& row : s.by_type) {
    warn_estimates("patient type '" + row.patient_type + "' at service '" + row.service + "'",
                   stats::kTypeServiceMetrics, row.metrics, warnings);
  }
  for (const stats::CostSummary& cost : s.costs) {
    const std::string what = cost.kind == "service"    ? "costs of service '" + cost.name + "'"
                             : cost.kind == "resource" ? "costs of shared pool '" + cost.name + "'"
                                                       : std::string("costs in total");
    warn_estimates(what, stats::kCostMetrics, cost.metrics, warnings);
  }
  if (!result.trajectories.empty()) {
    warn_bands(result.trajectories, result.trajectories.days, "day", warnings);
    warn_bands(result.trajectories, result.trajectories.weeks, "week", warnings);
  }
  return warnings;
}

}  // namespace carepath::io
