// SPDX-License-Identifier: MIT
// The CSV tables of a results folder, as writers (table_writers.hpp) and as text
// (include/carepath/io/results_tables.hpp). results_writer.cpp streams the same writers into the
// folder's files, so the files and the tables a program holds in memory are the same texts.
#include <carepath/io/results_files.hpp>
#include <carepath/io/results_tables.hpp>

#include "io/comparison_files.hpp"
#include "io/costs_files.hpp"
#include "io/precision_files.hpp"
#include "io/results_csv.hpp"
#include "io/table_writers.hpp"
#include "io/trajectory_files.hpp"

#include <algorithm>
#include <sstream>

namespace carepath::io {

std::vector<TableWriter> batch_table_writers(const run::BatchResult& result) {
  const stats::Summary& summary = result.summary;
  std::vector<TableWriter> writers{
      {kSummaryServicesCsvFile, [&summary](std::ostream& out) { write_summary_services_csv(summary, out); }},
      {kSummarySystemCsvFile, [&summary](std::ostream& out) { write_summary_system_csv(summary, out); }},
      {kReplicationsCsvFile, [&result](std::ostream& out) { write_replications_csv(result, out); }},
  };
  if (!summary.pathways.empty()) {
    writers.push_back(
        {kSummaryPathwaysCsvFile, [&summary](std::ostream& out) { write_summary_pathways_csv(summary, out); }});
    writers.push_back(
        {kReplicationsPathwaysCsvFile, [&result](std::ostream& out) { write_replications_pathways_csv(result, out); }});
  }
  if (!summary.by_type.empty()) {
    writers.push_back({kSummaryByTypeCsvFile, [&summary](std::ostream& out) { write_summary_by_type_csv(summary, out); }});
  }
  if (!summary.costs.empty()) {
    writers.push_back({kSummaryCostsCsvFile, [&result](std::ostream& out) { write_summary_costs_csv(result, out); }});
    writers.push_back(
        {kReplicationsCostsCsvFile, [&result](std::ostream& out) { write_replications_costs_csv(result, out); }});
  }
  if (!summary.resources.empty()) {
    writers.push_back(
        {kSummaryResourcesCsvFile, [&summary](std::ostream& out) { write_summary_resources_csv(summary, out); }});
  }
  if (!summary.clinics.empty()) {
    writers.push_back({kSummaryClinicsCsvFile, [&summary](std::ostream& out) { write_summary_clinics_csv(summary, out); }});
  }
  if (result.precision) {
    writers.push_back({kPrecisionCsvFile, [&result](std::ostream& out) { write_precision_csv(*result.precision, out); }});
  }
  if (!result.trajectories.empty()) {
    writers.push_back(
        {kTrajectoriesCsvFile, [&result](std::ostream& out) { write_trajectories_csv(result.trajectories, out); }});
  }
  return writers;
}

std::vector<TableWriter> comparison_table_writers(const run::ComparisonResult& comparison) {
  std::vector<TableWriter> writers;
  if (comparison.variants.empty()) return writers;
  writers.push_back({kComparisonCsvFile, [&comparison](std::ostream& out) { write_comparison_csv(comparison, out); }});
  const bool costed = std::any_of(comparison.differences.begin(), comparison.differences.end(),
                                  [](const run::VariantDifferences& v) { return !v.cost_effects.empty(); });
  if (costed) {
    writers.push_back({kCostEffectsCsvFile, [&comparison](std::ostream& out) { write_cost_effects_csv(comparison, out); }});
  }
  return writers;
}

namespace {

std::vector<CsvFile> texts(const std::vector<TableWriter>& writers) {
  std::vector<CsvFile> tables;
  for (const TableWriter& writer : writers) {
    std::ostringstream text;
    writer.write(text);
    tables.push_back({writer.file, std::move(text).str()});
  }
  return tables;
}

}  // namespace

std::vector<CsvFile> batch_tables(const run::BatchResult& result) { return texts(batch_table_writers(result)); }

std::vector<CsvFile> comparison_tables(const run::ComparisonResult& comparison) {
  return texts(comparison_table_writers(comparison));
}

}  // namespace carepath::io
