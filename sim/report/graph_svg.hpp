// SPDX-License-Identifier: MIT
// The service graph as an SVG drawing: sources, services and the exit as boxes laid out left to
// right by graph_layout.cpp, routes as arrows labelled with their probability. It replaces a
// Graphviz dependency for the report (carepath graph still writes DOT for those who have it).
#pragma once

#include <carepath/io/report_html.hpp>

#include <string>

namespace carepath::report {

/// <svg class="chart" data-points="N">, N = number of nodes; "" for an empty graph.
[[nodiscard]] std::string render_service_graph(const io::ReportGraph& graph);

}  // namespace carepath::report
