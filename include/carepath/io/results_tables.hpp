// SPDX-License-Identifier: MIT
// A results folder's CSV tables held in memory, for a program that keeps results rather than
// writing a folder: the Python module reads them into pandas DataFrames, so its frames have
// exactly the columns and numbers of the files io::write_results writes (results_writer.hpp),
// which writes these same texts.
//
//   for (const auto& table : carepath::io::batch_tables(result))
//     std::cout << table.file << ":\n" << table.text;  // "summary_services.csv:\nservice,metric,..."
#pragma once

#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>

#include <string>
#include <vector>

namespace carepath::io {

/// One CSV file of a results folder: its name there and its whole text, header line first.
struct CsvFile {
  std::string file;
  std::string text;
};

/// The CSV files of one batch, in the order write_results writes them: summary_services.csv,
/// summary_system.csv, replications.csv, then those that apply (pathways, patient types, costs,
/// shared pools, clinics, precision, trajectories).
[[nodiscard]] std::vector<CsvFile> batch_tables(const run::BatchResult& result);

/// A comparison's own CSV files: comparison.csv, and cost_effects.csv when a variant has costs.
/// Empty without variants.
[[nodiscard]] std::vector<CsvFile> comparison_tables(const run::ComparisonResult& comparison);

}  // namespace carepath::io
