// SPDX-License-Identifier: MIT
// write_results: the four result files (results_files.hpp), staged and committed as one folder
// (atomic_dir.hpp). Their contents come from summary_json.cpp and results_csv.cpp; the console
// table is in summary_table.cpp.
#include <carepath/io/results_writer.hpp>

#include <carepath/io/report_html.hpp>

#include "io/atomic_dir.hpp"
#include "io/durable_file.hpp"
#include "io/results_csv.hpp"
#include "io/results_files.hpp"
#include "io/summary_json.hpp"

namespace carepath::io {

namespace {

template <class WriteContent>
void write_file(const std::filesystem::path& path, WriteContent write_content) {
  DurableFile file(path);
  write_content(file.stream());
  file.close();
}

}  // namespace

void write_results(const model::Scenario& scenario, const run::BatchResult& result,
                   const std::filesystem::path& dir) {
  AtomicDir folder(dir, kResultsMarkerFile);
  const std::filesystem::path& staging = folder.staging();
  write_file(staging / kSummaryJsonFile,
             [&](std::ostream& out) { out << summary_json(scenario, result).dump(2) << '\n'; });
  write_file(staging / kSummaryServicesCsvFile,
             [&](std::ostream& out) { write_summary_services_csv(result.summary, out); });
  write_file(staging / kSummarySystemCsvFile,
             [&](std::ostream& out) { write_summary_system_csv(result.summary, out); });
  write_file(staging / kReplicationsCsvFile,
             [&](std::ostream& out) { write_replications_csv(result, out); });
  if (!result.summary.pathways.empty()) {
    write_file(staging / kSummaryPathwaysCsvFile,
               [&](std::ostream& out) { write_summary_pathways_csv(result.summary, out); });
    write_file(staging / kReplicationsPathwaysCsvFile,
               [&](std::ostream& out) { write_replications_pathways_csv(result, out); });
  }
  if (!result.summary.by_type.empty()) {
    write_file(staging / kSummaryByTypeCsvFile,
               [&](std::ostream& out) { write_summary_by_type_csv(result.summary, out); });
  }
  // report.html last: the page shows what the files above hold (sim/report/report_html.cpp).
  ReportInputs report;
  report.summary = summary_json(scenario, result);
  report.scenario = report_scenario_json(scenario);
  report.graph = report_graph(scenario);
  write_report(staging, report);
  folder.commit();
}

}  // namespace carepath::io
