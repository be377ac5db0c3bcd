// SPDX-License-Identifier: MIT
// report.html: one self-contained page for a board paper or a planner's laptop, built from the
// same documents the results folder holds (summary.json, trajectories.json, comparison.json)
// plus the scenario's service graph and notes. Inline CSS and SVG drawn by carepath itself, no
// external URL, so it opens offline and can be mailed as one file. io::write_results
// (io/results_writer.hpp) writes it beside the other files; this header gives the service graph
// the page draws. The parts live in sim/report/; start with sim/report/report_html.cpp.
//
//   auto loaded = carepath::io::load_scenario("scenarios/examples/mm1.json");
//   auto result = carepath::run::run_batch(loaded.scenario);
//   carepath::io::write_results(loaded.scenario, result, "results/mm1");  // ... and results/mm1/report.html
#pragma once

#include <carepath/model/scenario.hpp>

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

/// The service graph of a scenario: sources, then services, then the exit, in file order.
[[nodiscard]] ReportGraph report_graph(const model::Scenario& scenario);

}  // namespace carepath::io
