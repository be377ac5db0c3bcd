// SPDX-License-Identifier: MIT
// write_results: the result files (results_files.hpp), staged and committed as one folder
// (atomic_dir.hpp). Their contents come from summary_json.cpp and results_csv.cpp; the console
// table is in summary_table.cpp. A what-if comparison writes the base's files, each variant's in
// variants/<name>/ and comparison.csv/json (comparison_files.cpp) into the same staging folder,
// so the base, its variants and their differences are replaced together or not at all.
#include <carepath/io/atomic_dir.hpp>
#include <carepath/io/durable_file.hpp>
#include <carepath/io/results_files.hpp>
#include <carepath/io/results_writer.hpp>

#include "io/comparison_files.hpp"
#include "io/provenance_json.hpp"
#include "io/summary_json.hpp"
#include "io/table_writers.hpp"
#include "io/trajectory_files.hpp"
#include "report/report_inputs.hpp"

#include <algorithm>
#include <stdexcept>

namespace carepath::io {

namespace {

// Each file starts with a look at the stop flag, so that a Ctrl-C while writing ends the writing
// within one file and leaves no results (AtomicDir removes the staging folder).
template <class WriteContent>
void write_file(const AtomicDir& folder, const std::filesystem::path& path, WriteContent write_content) {
  folder.check_stop();
  DurableFile file(path);
  write_content(file.stream());
  file.close();
}

// The JSON documents of one batch: written as files, and read again by the report.
struct BatchDocuments {
  nlohmann::ordered_json summary;
  nlohmann::ordered_json trajectories;  // null when trajectories were not recorded
};

// One batch's files into `staging`, an existing folder; returns its JSON documents, each built once.
BatchDocuments write_batch_files(const model::Scenario& scenario, const run::BatchResult& result,
                                 const AtomicDir& folder, const std::filesystem::path& staging,
                                 bool replication_trajectories = false) {
  BatchDocuments documents;
  documents.summary = summary_json(scenario, result);
  write_file(folder, staging / kSummaryJsonFile, [&](std::ostream& out) { out << documents.summary.dump(2) << '\n'; });
  for (const TableWriter& table : batch_table_writers(result)) write_file(folder, staging / table.file, table.write);
  if (!result.trajectories.empty()) {
    documents.trajectories = trajectories_json(result.trajectories);
    write_file(folder, staging / kTrajectoriesJsonFile,
               [&](std::ostream& out) { out << documents.trajectories.dump() << '\n'; });
    if (replication_trajectories) {
      write_file(folder, staging / kReplicationTrajectoriesCsvFile, [&](std::ostream& out) {
        write_replication_trajectories_csv(result.trajectories, result.replications, out);
      });
    }
  }
  return documents;
}

// The report's inputs for the base; variants and the comparison are added by the caller.
ReportInputs base_report(const model::Scenario& base, BatchDocuments documents) {
  ReportInputs report;
  report.summary = std::move(documents.summary);
  report.trajectories = std::move(documents.trajectories);
  report.scenario = report_scenario_json(base);
  report.graph = report_graph(base);
  return report;
}

}  // namespace

// report.html is written last: the page shows what the files hold (sim/report/report_html.cpp).
void write_results(const model::Scenario& scenario, const run::BatchResult& result,
                   const std::filesystem::path& dir, const std::atomic<bool>* stop) {
  AtomicDir folder(dir, kResultsMainFile, stop);
  write_report(folder.staging(), base_report(scenario, write_batch_files(scenario, result, folder, folder.staging())));
  folder.commit();
}

void write_results(const model::Scenario& base, const std::vector<model::ScenarioVariant>& variants,
                   const run::ComparisonResult& comparison, const std::filesystem::path& dir,
                   const Provenance* provenance, const std::atomic<bool>* stop, bool replication_trajectories) {
  AtomicDir folder(dir, kResultsMainFile, stop);
  const std::filesystem::path& staging = folder.staging();
  ReportInputs report =
      base_report(base, write_batch_files(base, comparison.base, folder, staging, replication_trajectories));
  if (provenance != nullptr) {
    const nlohmann::ordered_json run = run_settings_json(comparison);
    write_provenance(staging, *provenance, run);
    report.provenance = provenance_json(*provenance, run);
  }
  for (const run::NamedBatch& batch : comparison.variants) {
    const auto variant = std::find_if(variants.begin(), variants.end(),
                                      [&](const model::ScenarioVariant& v) { return v.name == batch.name; });
    if (variant == variants.end()) throw std::invalid_argument("no scenario for variant '" + batch.name + "'");
    const std::filesystem::path variant_dir = staging / kVariantsFolder / batch.name;
    std::filesystem::create_directories(variant_dir);
    BatchDocuments documents =
        write_batch_files(variant->scenario, batch.result, folder, variant_dir, replication_trajectories);
    sync_directory(variant_dir);
    report.variants.push_back({batch.name, std::move(documents.summary), std::move(documents.trajectories)});
  }
  if (!comparison.variants.empty()) {
    sync_directory(staging / kVariantsFolder);
    report.comparison = comparison_json(base, variants, comparison);
    for (const TableWriter& table : comparison_table_writers(comparison)) {
      write_file(folder, staging / table.file, table.write);
    }
    write_file(folder, staging / kComparisonJsonFile, [&](std::ostream& out) { out << report.comparison.dump(2) << '\n'; });
  }
  folder.check_stop();
  write_report(staging, report);
  folder.commit();
}

}  // namespace carepath::io
