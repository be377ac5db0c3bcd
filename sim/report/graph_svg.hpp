// SPDX-License-Identifier: MIT
// The service graph as an SVG drawing: sources and services as boxes laid out left to right by
// graph_layout.cpp, routes as arrows labelled with their probability (and patient type), styled by
// kind (io::ReportGraphEdge::Style), and each route to the exit as a short arrow out of its service
// marked "exit". One arrow per route, as many as `carepath graph` writes edges. It replaces a
// Graphviz dependency for the report (carepath graph still writes DOT for those who have it).
#pragma once

#include <carepath/io/report_html.hpp>

#include <string>

namespace carepath::report {

/// <svg class="chart" data-points="N">, N = number of nodes (the exit included); "" for an empty
/// graph.
[[nodiscard]] std::string render_service_graph(const io::ReportGraph& graph);

}  // namespace carepath::report
