// SPDX-License-Identifier: MIT
// Writing a batch's results: DIR/summary.json and its CSV twins (summary_services.csv,
// summary_system.csv, replications.csv). The folder is built under a temporary name beside DIR
// and renamed into place only when complete, so a crash never leaves half a result. A hidden
// DIR/.carepath-results lists the files written; an existing DIR is replaced only if it is empty
// or holds nothing else (otherwise an error, and nothing is written).
#pragma once

#include <carepath/io/provenance.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/model/variant.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>
#include <carepath/stats/precision.hpp>

#include <atomic>
#include <filesystem>
#include <iosfwd>
#include <vector>

namespace carepath::io {

/// When `stop` is given and becomes true before the folder is in place, the writing stops, nothing
/// is left behind, and run::Interrupted is thrown (a Ctrl-C after the simulation still means "no
/// results"). A failure to write throws std::system_error naming the file and the system's reason.
void write_results(const model::Scenario& scenario, const run::BatchResult& result,
                   const std::filesystem::path& dir, const std::atomic<bool>* stop = nullptr);

/// A what-if comparison: the base's files as above, each variant's in DIR/variants/<name>/, and
/// the paired differences in DIR/comparison.csv and DIR/comparison.json (only when there are
/// variants), all replaced as one folder. `variants` are the compared scenarios, by name. With
/// `provenance`, also provenance.json and the copied inputs (io/provenance.hpp). With
/// `replication_trajectories`, also every replication's weekly (or monthly) values in
/// replication_trajectories.csv beside each trajectories.csv.
void write_results(const model::Scenario& base, const std::vector<model::ScenarioVariant>& variants,
                   const run::ComparisonResult& comparison, const std::filesystem::path& dir,
                   const Provenance* provenance = nullptr, const std::atomic<bool>* stop = nullptr,
                   bool replication_trajectories = false);

/// The short human table `carepath run` prints.
void print_summary_table(const run::BatchResult& result, std::ostream& out);

/// When the scenario has costs: per costed service and pool and in total, the mean cost of each driver
/// and the total with its 95% CI, in the scenario's currency.
void print_cost_table(const run::BatchResult& result, std::ostream& out);

/// When replications were chosen by precision: "replications: 40 (precision 5% reached at 33, with
/// a look-ahead of 5)" or "replications: 100, the cap, before precision 5%: widest pathway ae_4h
/// within_target at 7.3% of its mean".
void print_precision(const stats::PrecisionOutcome& outcome, std::ostream& out);

/// After the base's table, the scenario's headline KPIs: the base's value of each, then per
/// variant what it changes and each headline base -> variant with the paired difference and its
/// 95% CI, or "no detectable change" when the interval covers 0, e.g.
/// "ae_4h within_target  61.2% -> 62.5%   +1.3 points [0.9, 1.7]".
void print_headlines(const std::vector<model::Headline>& headlines, const std::vector<model::ScenarioVariant>& variants,
                     const run::ComparisonResult& comparison, std::ostream& out);

}  // namespace carepath::io
