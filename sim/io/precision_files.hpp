// SPDX-License-Identifier: MIT
// How replications chosen by precision are reported (stats/precision.hpp): the "precision"
// object of summary.json's "run", precision.csv (each headline KPI's mean and 95% CI half-width
// after every number of replications, which report.html draws) and the console line.
#pragma once

#include <carepath/stats/precision.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>

namespace carepath::io {

inline constexpr const char* kPrecisionCsvFile = "precision.csv";

/// {"target", "relative", "block", "cap", "replications", "reached", "stopped", "kpis": [...]}.
[[nodiscard]] nlohmann::ordered_json precision_json(const stats::PrecisionOutcome& outcome);

/// Columns replications, kpi, unit, mean, half_width, relative_half_width: one row per KPI and n.
void write_precision_csv(const stats::PrecisionOutcome& outcome, std::ostream& out);

/// "replications: 40 (precision 5% reached at 33, with a look-ahead of 5)" or "replications: 100,
/// the cap, before precision 5%: widest pathway ae_4h within_target at 7.3% of its mean".
void print_precision(const stats::PrecisionOutcome& outcome, std::ostream& out);

}  // namespace carepath::io
