// SPDX-License-Identifier: MIT
// Writing a batch's results: DIR/summary.json and its CSV twins (summary_services.csv,
// summary_system.csv, replications.csv). The folder is built under a temporary name beside DIR
// and renamed into place only when complete, so a crash never leaves half a result.
#pragma once

#include <carepath/model/scenario.hpp>
#include <carepath/run/batch.hpp>

#include <filesystem>
#include <iosfwd>

namespace carepath::io {

void write_results(const model::Scenario& scenario, const run::BatchResult& result,
                   const std::filesystem::path& dir);

/// The short human table `carepath run` prints.
void print_summary_table(const run::BatchResult& result, std::ostream& out);

}  // namespace carepath::io
