// SPDX-License-Identifier: MIT
#include <carepath/io/output_size.hpp>

#include "io/results_csv.hpp"

#include <carepath/io/results_files.hpp>
#include <carepath/stats/results.hpp>
#include <carepath/stats/trajectory.hpp>

#include <cstdio>

namespace carepath::io {

namespace {

// A value as the writers print it (shortest round trip) takes about this many characters; the
// estimates are meant to tell megabytes from gigabytes, not to be exact.
constexpr std::uint64_t kValueChars = 12;
// Trajectory values are floats, printed to their shortest: about 6 characters each.
constexpr std::uint64_t kBandChars = 6;
// One trajectories.csv row beyond its names: period, dates, days and n (about 30), six bands.
constexpr std::uint64_t kTrajectoryRowChars = 30 + 6 * (kBandChars + 1);
// One cell of trajectories.json: six bands and n, with their separators.
constexpr std::uint64_t kTrajectoryCellChars = 7 * (kBandChars + 1);
// A row of replication_trajectories.csv less its replication index and names: period, start,
// days, kind, one value and the commas.
constexpr std::uint64_t kReplicationRowChars = 30 + kBandChars;

std::string in_megabytes(std::uint64_t bytes) {
  char text[32];
  if (bytes >= 1'000'000'000) {
    std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
  } else {
    std::snprintf(text, sizeof text, "%.0f MB", static_cast<double>(bytes) / 1e6);
  }
  return text;
}

std::string with_commas(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

// Bytes of one replication's rows of `table` for a row named `name`.
template <class Table>
std::uint64_t replication_rows(const Table& table, std::uint64_t index_chars, std::size_t name_chars) {
  std::uint64_t bytes = 0;
  for (const auto& metric : table) {
    bytes += index_chars + name_chars + std::string(metric.name).size() + std::string(metric.unit).size() +
             kValueChars + 5;
  }
  return bytes;
}

}  // namespace

std::vector<std::string> large_output_warnings(const model::Scenario& scenario, std::uint32_t replications,
                                               model::TrajectoryPeriod period, std::size_t variants,
                                               bool replication_trajectories) {
  std::vector<std::string> warnings;
  const std::string again =
      variants == 0 ? ""
                    : ", and as much again for each of the " + std::to_string(variants) + " variant" +
                          (variants == 1 ? "" : "s");
  const auto warn = [&](const char* file, std::uint64_t bytes, const std::string& what, const std::string& reduce) {
    if (bytes <= kLargeOutputBytes) return;
    warnings.push_back(std::string(file) + " will be about " + in_megabytes(bytes) + " (" + what + ")" + again +
                       "; " + reduce);
  };
  const std::uint64_t index_chars = std::to_string(replications).size();
  const std::string fewer = "fewer replications (--replications or run.replications) make it smaller";

  std::uint64_t per_replication = replication_rows(stats::kSystemMetrics, index_chars, std::string(kSystemRowName).size());
  std::uint64_t rows = stats::kSystemMetrics.size();
  for (const model::Service& service : scenario.services) {
    per_replication += replication_rows(stats::kServiceMetrics, index_chars, service.name.size());
    rows += stats::kServiceMetrics.size();
  }
  warn(kReplicationsCsvFile, per_replication * replications,
       with_commas(replications) + " replications x " + with_commas(rows) + " rows", fewer);

  std::uint64_t per_pathway_replication = 0;
  for (const model::Pathway& pathway : scenario.pathways) {
    per_pathway_replication += replication_rows(stats::kPathwayMetrics, index_chars, pathway.name.size());
  }
  warn(kReplicationsPathwaysCsvFile, per_pathway_replication * replications,
       with_commas(replications) + " replications x " +
           with_commas(scenario.pathways.size() * stats::kPathwayMetrics.size()) + " rows",
       fewer);

  const stats::TrajectoryCalendar calendar =
      stats::trajectory_calendar(scenario.start_date, scenario.run.horizon, scenario.run.start_hour);
  const std::uint64_t periods = stats::recorded_periods(calendar, period);
  const std::size_t series = stats::trajectory_series_count(scenario.services.size(), scenario.pathways.size(), scenario.resources.size());
  std::uint64_t name_chars = 0;  // of every series, each a service's or pathway's name and a metric
  for (const model::Service& service : scenario.services) {
    for (const auto& metric : stats::kServiceTrajectoryMetrics) {
      name_chars += service.name.size() + std::string(metric.name).size() + std::string(metric.unit).size();
    }
  }
  for (const model::Pathway& pathway : scenario.pathways) {
    for (const auto& metric : stats::kPathwayTrajectoryMetrics) {
      name_chars += pathway.name.size() + std::string(metric.name).size() + std::string(metric.unit).size();
    }
  }
  const std::string coarser = "a coarser --trajectories (or run.trajectory_period): week, month or off, makes it smaller";
  const std::string cells = with_commas(periods) + " periods x " + with_commas(series) + " series";
  warn(kTrajectoriesCsvFile, periods * (series * kTrajectoryRowChars + name_chars), cells, coarser);
  warn(kTrajectoriesJsonFile, periods * series * kTrajectoryCellChars, cells, coarser);
  if (replication_trajectories && period != model::TrajectoryPeriod::Off) {
    // Its rows are the coarse periods' (weeks, or months) of every replication.
    const std::uint64_t coarse = period == model::TrajectoryPeriod::Month ? calendar.months() : calendar.weeks();
    warn(kReplicationTrajectoriesCsvFile,
         std::uint64_t{replications} * coarse * (series * (kReplicationRowChars + index_chars) + name_chars),
         with_commas(replications) + " replications x " + with_commas(coarse) + " periods x " + with_commas(series) +
             " series",
         "leave out --replication-trajectories, or run fewer replications");
  }
  return warnings;
}

}  // namespace carepath::io
