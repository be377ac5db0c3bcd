// SPDX-License-Identifier: MIT
// Which CSV files a batch and a comparison have, each with the function that writes it: the one
// list behind both io::write_results (results_writer.cpp streams each to its file) and
// io::batch_tables (results_tables.cpp, the same texts in memory), so they cannot disagree.
#pragma once

#include <carepath/run/batch.hpp>
#include <carepath/run/compare.hpp>

#include <functional>
#include <iosfwd>
#include <vector>

namespace carepath::io {

struct TableWriter {
  const char* file;                          // Its name in a results folder.
  std::function<void(std::ostream&)> write;  // Refers to the result given: use it while that lives.
};

// summary_services.csv, summary_system.csv, replications.csv, then those that apply.
[[nodiscard]] std::vector<TableWriter> batch_table_writers(const run::BatchResult& result);

// comparison.csv, and cost_effects.csv when a variant has costs; empty without variants.
[[nodiscard]] std::vector<TableWriter> comparison_table_writers(const run::ComparisonResult& comparison);

}  // namespace carepath::io
