// SPDX-License-Identifier: MIT
// Writing a batch's results: DIR/summary.json and its CSV twins (summary_services.csv,
// summary_system.csv, replications.csv). The folder is built under a temporary name beside DIR
// and renamed into place only when complete, so a crash never leaves half a result.
#pragma once

#include <carepath/io/provenance.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/model/variant.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>

#include <filesystem>
#include <iosfwd>
#include <vector>

namespace carepath::io {

void write_results(const model::Scenario& scenario, const run::BatchResult& result,
                   const std::filesystem::path& dir);

/// A what-if comparison: the base's files as above, each variant's in DIR/variants/<name>/, and
/// the paired differences in DIR/comparison.csv and DIR/comparison.json (only when there are
/// variants), all replaced as one folder. `variants` are the compared scenarios, by name. With
/// `provenance`, also provenance.json and the copied inputs (io/provenance.hpp).
void write_results(const model::Scenario& base, const std::vector<model::ScenarioVariant>& variants,
                   const run::ComparisonResult& comparison, const std::filesystem::path& dir,
                   const Provenance* provenance = nullptr);

/// The short human table `carepath run` prints.
void print_summary_table(const run::BatchResult& result, std::ostream& out);

/// After the base's table, one line per variant and headline KPI: the paired difference with
/// its 95% CI, e.g. "more_beds  ae_4h within_target  +3.1 points [2.4, 3.8]" (shares in
/// percentage points, times in days).
void print_comparison_headlines(const run::ComparisonResult& comparison, std::ostream& out);

}  // namespace carepath::io
