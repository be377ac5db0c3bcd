// SPDX-License-Identifier: MIT
// The documents report.html is drawn from, in exactly the formats of the files of the same names
// in a results folder, and the functions that draw and write the page. Private, because the
// documents are nlohmann values and the public API names no nlohmann type; the public way to a
// report is io::write_results (include/carepath/io/results_writer.hpp). Read report_html.cpp next.
#pragma once

#include <carepath/io/report_html.hpp>
#include <carepath/model/scenario.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace carepath::io {

// A variant of the scenario run beside the base (its own summary.json and trajectories.json).
struct ReportVariant {
  std::string name;
  nlohmann::ordered_json summary;       // Its summary.json; null when absent.
  nlohmann::ordered_json trajectories;  // Its trajectories.json; null when absent.
};

// Everything the report shows. Each document has exactly the format of the file of the same
// name in a results folder; a null document means "not available" and the report says so
// instead of drawing that part.
struct ReportInputs {
  nlohmann::ordered_json summary;       // summary.json of the base run (required).
  nlohmann::ordered_json trajectories;  // trajectories.json of the base run, or null.
  std::vector<ReportVariant> variants;  // Variants in the order to show them (may be empty).
  nlohmann::ordered_json comparison;    // comparison.json (paired differences), or null.
  // The scenario document, or the part of it the report reads: "description", "notes", and
  // per service, arrival and pathway its "name" and "notes" (a string or an array of strings),
  // plus a service's "wait_target" (a duration string such as "18w"). Null: no notes section
  // beyond summary.json's own description and notes. The STRESS-DES section also reads a
  // service's "capacity", "queue_limit", "reneging" and "initial_patients", "patient_types"
  // and "run"."steady_state"; the services table a service's "setting", and the printout's
  // choice of charts "headlines" (KPI names; report_scenario_json writes them all).
  nlohmann::ordered_json scenario;
  ReportGraph graph;                    // May be empty: then no graph is drawn.
  nlohmann::ordered_json provenance;    // provenance.json, or null (io/provenance.hpp).
};

// The parts of the scenario document the report reads, rebuilt from a loaded Scenario.
[[nodiscard]] nlohmann::ordered_json report_scenario_json(const model::Scenario& scenario);

// The whole page. Throws std::invalid_argument when inputs.summary is not a summary.json object.
[[nodiscard]] std::string render_report(const ReportInputs& inputs);

// Writes DIR/report.html in one step (readers see the old file or the new one, never half).
void write_report(const std::filesystem::path& dir, const ReportInputs& inputs);

}  // namespace carepath::io
