// SPDX-License-Identifier: MIT
#include "io/precision_files.hpp"
#include "io/missing_values.hpp"

#include <carepath/io/results_writer.hpp>

#include <carepath/io/csv_text.hpp>
#include <carepath/io/number_format.hpp>

#include <cmath>
#include <limits>
#include <ostream>

namespace carepath::io {

namespace {

using nlohmann::ordered_json;


double relative_half_width(const stats::KpiConvergence& kpi, std::size_t i) {
  return kpi.half_width[i] == 0 ? 0 : kpi.half_width[i] / std::abs(kpi.mean[i]);
}

// The measured KPI furthest from the target at the last replication, as a share of its allowance.
const stats::KpiConvergence* widest(const stats::PrecisionOutcome& outcome) {
  const stats::KpiConvergence* worst = nullptr;
  double worst_ratio = -1;
  const std::size_t last = outcome.replications - 1;
  for (const stats::KpiConvergence& kpi : outcome.kpis) {
    if (!kpi.measured) continue;
    const double width = outcome.rule.target.relative ? relative_half_width(kpi, last) : kpi.half_width[last];
    const double ratio = std::isfinite(width) ? width : std::numeric_limits<double>::infinity();
    if (ratio > worst_ratio) {
      worst_ratio = ratio;
      worst = &kpi;
    }
  }
  return worst;
}

}  // namespace

ordered_json precision_json(const stats::PrecisionOutcome& outcome) {
  ordered_json kpis = ordered_json::array();
  const std::size_t last = outcome.replications - 1;
  for (const stats::KpiConvergence& kpi : outcome.kpis) {
    // What is compared with the target after each n, for the report's chart.
    ordered_json widths = ordered_json::array();
    for (std::size_t i = 0; i < outcome.replications; ++i) {
      widths.push_back(number_or_null(outcome.rule.target.relative ? relative_half_width(kpi, i) : kpi.half_width[i]));
    }
    kpis.push_back({{"name", kpi.name},
                    {"unit", kpi.unit},
                    {"measured", kpi.measured},
                    {"mean", number_or_null(kpi.mean[last])},
                    {"half_width", number_or_null(kpi.half_width[last])},
                    {"relative_half_width", number_or_null(relative_half_width(kpi, last))},
                    {"within", kpi.measured && stats::within(kpi, outcome.replications, outcome.rule.target)},
                    {"widths", std::move(widths)}});
  }
  return ordered_json{
      {"target", stats::precision_text(outcome.rule.target)},
      {"relative", outcome.rule.target.relative},
      {"target_value", outcome.rule.target.value},
      {"method", "Hoad, Robinson and Davies (2010) confidence-interval method, look-ahead 5 (5n/100 above 100)"},
      {"block", outcome.rule.block},
      {"cap", outcome.rule.cap},
      {"replications", outcome.replications},
      {"reached", outcome.reached ? ordered_json(*outcome.reached) : ordered_json(nullptr)},
      {"stopped", outcome.reached ? "precision reached" : "cap reached"},
      {"kpis", std::move(kpis)},
  };
}

void write_precision_csv(const stats::PrecisionOutcome& outcome, std::ostream& out) {
  out << "replications,kpi,unit,mean,half_width,relative_half_width\n";
  for (std::size_t i = 0; i < outcome.replications; ++i) {
    for (const stats::KpiConvergence& kpi : outcome.kpis) {
      out << i + 1 << ',' << csv_text(kpi.name) << ',' << csv_text(kpi.unit) << ',' << format_shortest(kpi.mean[i])
          << ',' << format_shortest(kpi.half_width[i]) << ',' << format_shortest(relative_half_width(kpi, i)) << '\n';
    }
  }
}

void print_precision(const stats::PrecisionOutcome& outcome, std::ostream& out) {
  const std::string target = stats::precision_text(outcome.rule.target);
  if (outcome.reached) {
    out << "replications: " << outcome.replications << " (precision " << target << " reached at "
        << *outcome.reached << ", with a look-ahead of " << stats::look_ahead(*outcome.reached) << ")\n";
    return;
  }
  out << "replications: " << outcome.replications << ", the cap, before precision " << target;
  if (const stats::KpiConvergence* kpi = widest(outcome)) {
    const std::size_t last = outcome.replications - 1;
    out << ": widest " << kpi->name << " at "
        << (outcome.rule.target.relative ? format_fixed(100 * relative_half_width(*kpi, last), 1) + "% of its mean"
                                         : format_shortest(kpi->half_width[last]) + " " + kpi->unit);
  }
  out << '\n';
}

}  // namespace carepath::io
