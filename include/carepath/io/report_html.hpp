// SPDX-License-Identifier: MIT
// report.html: one self-contained page for a board paper or a planner's laptop, built from the
// same JSON documents the results folder holds (summary.json, trajectories.json, comparison.json)
// plus the scenario's service graph and notes. Inline CSS and SVG drawn by carepath itself, no
// external URL, so it opens offline and can be mailed as one file. The parts live in sim/report/;
// start with sim/report/report_html.cpp.
//
//   carepath::io::ReportInputs inputs;
//   inputs.summary = summary_json(scenario, result);          // as written to summary.json
//   inputs.scenario = carepath::io::report_scenario_json(scenario);
//   inputs.graph = carepath::io::report_graph(scenario);
//   carepath::io::write_report("results/acute-discharge", inputs);   // -> report.html
#pragma once

#include <carepath/model/scenario.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace carepath::io {

/// A box (or the exit) in the drawing of the service graph.
struct ReportGraphNode {
  enum class Kind { Source, Service, Exit };
  std::string name;
  Kind kind = Kind::Service;
  std::vector<std::string> details;  ///< Extra lines under the name, e.g. "24 servers", "156/day".
};

/// A route between two nodes (indices into ReportGraph::nodes).
struct ReportGraphEdge {
  /// How the route is drawn: every patient or a share (solid), one patient type's own route
  /// (dashed), diverted when full (dotted), given up waiting (dash-dot).
  enum class Style { Route, PerType, Divert, Renege };
  std::size_t from = 0;
  std::size_t to = 0;
  double probability = 1;  ///< Drawn as a label unless 1.
  Style style = Style::Route;
  std::string label;       ///< The patient type of a PerType route; empty otherwise.
};

/// The service graph: arrival sources, services and the exit, with the routes between them.
struct ReportGraph {
  std::vector<ReportGraphNode> nodes;
  std::vector<ReportGraphEdge> edges;
};

/// A variant of the scenario run beside the base (its own summary.json and trajectories.json).
struct ReportVariant {
  std::string name;
  nlohmann::ordered_json summary;       ///< Its summary.json; null when absent.
  nlohmann::ordered_json trajectories;  ///< Its trajectories.json; null when absent.
};

/// Everything the report shows. Each document has exactly the format of the file of the same
/// name in a results folder; a null document means "not available" and the report says so
/// instead of drawing that part.
struct ReportInputs {
  nlohmann::ordered_json summary;       ///< summary.json of the base run (required).
  nlohmann::ordered_json trajectories;  ///< trajectories.json of the base run, or null.
  std::vector<ReportVariant> variants;  ///< Variants in the order to show them (may be empty).
  nlohmann::ordered_json comparison;    ///< comparison.json (paired differences), or null.
  /// The scenario document, or the part of it the report reads: "description", "notes", and
  /// per service, arrival and pathway its "name" and "notes" (a string or an array of strings),
  /// plus a service's "wait_target" (a duration string such as "18w"). Null: no notes section
  /// beyond summary.json's own description and notes. The STRESS-DES section also reads a
  /// service's "capacity", "queue_limit", "reneging" and "initial_patients", "patient_types"
  /// and "run"."steady_state" (report_scenario_json writes them all).
  nlohmann::ordered_json scenario;
  ReportGraph graph;                    ///< May be empty: then no graph is drawn.
  nlohmann::ordered_json provenance;    ///< provenance.json, or null (io/provenance.hpp).
};

/// The service graph of a scenario: sources, then services, then the exit, in file order.
[[nodiscard]] ReportGraph report_graph(const model::Scenario& scenario);

/// The parts of the scenario document the report reads, rebuilt from a loaded Scenario.
[[nodiscard]] nlohmann::ordered_json report_scenario_json(const model::Scenario& scenario);

/// The whole page. Throws std::invalid_argument when inputs.summary is not a summary.json object.
[[nodiscard]] std::string render_report(const ReportInputs& inputs);

/// Writes DIR/report.html in one step (readers see the old file or the new one, never half).
void write_report(const std::filesystem::path& dir, const ReportInputs& inputs);

}  // namespace carepath::io
