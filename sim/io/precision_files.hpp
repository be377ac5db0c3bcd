// SPDX-License-Identifier: MIT
// How replications chosen by precision are reported (stats/precision.hpp): the "precision"
// object of summary.json's "run" and precision.csv (each headline KPI's mean and 95% CI
// half-width after every number of replications, which report.html draws). The console line,
// print_precision, is public (include/carepath/io/results_writer.hpp); all three are in
// precision_files.cpp.
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

}  // namespace carepath::io
