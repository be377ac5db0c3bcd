// SPDX-License-Identifier: MIT
#include "report/graph_svg.hpp"

#include "report/graph_layout.hpp"
#include "report/report_format.hpp"
#include "report/svg.hpp"

#include <string>
#include <vector>
#include <string_view>

namespace carepath::report {

namespace {

constexpr double kLineHeight = 15;
constexpr double kPadding = 9;
constexpr double kExitStub = 64;  // A route to the exit: a short arrow out of its service.

const char* node_class(io::ReportGraphNode::Kind kind) {
  switch (kind) {
    case io::ReportGraphNode::Kind::Source: return "node-source";
    case io::ReportGraphNode::Kind::Exit: return "node-exit";
    case io::ReportGraphNode::Kind::Service: break;
  }
  return "node-service";
}

// Line patterns that survive greyscale printing: solid for the routes every patient or a share
// takes, dashed for one patient type's own route, dotted for a divert, dash-dot for giving up.
const char* edge_class(io::ReportGraphEdge::Style style) {
  switch (style) {
    case io::ReportGraphEdge::Style::PerType: return "edge per-type";
    case io::ReportGraphEdge::Style::Divert: return "edge divert";
    case io::ReportGraphEdge::Style::Renege: return "edge renege";
    case io::ReportGraphEdge::Style::Route: break;
  }
  return "edge";
}

double node_height(const io::ReportGraphNode& node) {
  return 2 * kPadding + kLineHeight * static_cast<double>(1 + node.details.size());
}

// Names longer than a box is wide are cut with an ellipsis; the full name is in the tables.
// Counted in characters, not bytes, so that "3–9" is not cut short.
std::string fit(std::string_view text, std::size_t max_chars) {
  const auto starts_character = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  std::size_t chars = 0;
  std::size_t cut = text.size();  // Byte offset where character max_chars begins.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!starts_character(text[i])) continue;
    if (chars == max_chars - 1) cut = i;
    ++chars;
  }
  if (chars <= max_chars) return std::string(text);
  return std::string(text.substr(0, cut)) + "\u2026";
}

std::string route_label(const io::ReportGraphEdge& edge) {
  std::string label = edge.label;
  if (edge.probability != 1) label += (label.empty() ? "" : " ") + format_percent(edge.probability);
  return label;
}

}  // namespace

std::string render_service_graph(const io::ReportGraph& graph) {
  if (graph.nodes.empty()) return "";
  // Routes to the exit are drawn as short arrows out of their service, not laid out to one exit
  // box at the far right: a bundle of twenty lines across the whole page would hide the routes
  // between services. Everything else is laid out.
  const auto is_exit = [&](std::size_t node) { return graph.nodes[node].kind == io::ReportGraphNode::Kind::Exit; };
  std::vector<std::size_t> laid_out(graph.nodes.size(), graph.nodes.size());  // Node -> layout index.
  LayoutInput input;
  for (std::size_t v = 0; v < graph.nodes.size(); ++v) {
    if (is_exit(v)) continue;
    laid_out[v] = input.heights.size();
    input.heights.push_back(node_height(graph.nodes[v]));
  }
  std::vector<std::size_t> exits_from(graph.nodes.size(), 0);
  for (const auto& edge : graph.edges) {
    if (edge.from >= graph.nodes.size() || edge.to >= graph.nodes.size() || is_exit(edge.from)) continue;
    if (is_exit(edge.to)) {
      ++exits_from[edge.from];
    } else {
      input.edges.emplace_back(laid_out[edge.from], laid_out[edge.to]);
    }
  }
  const GraphLayout layout = layout_graph(input);
  const double width = layout.width + kExitStub;

  SvgWriter svg(width, layout.height, graph.nodes.size(), "Service graph: where patients go");
  svg.raw(
      "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
      "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
      "class=\"arrow-head\"/></marker></defs>\n");
  // Edges first, so that boxes cover their ends neatly.
  std::size_t valid = 0;
  std::vector<std::size_t> exits_drawn(graph.nodes.size(), 0);
  for (const auto& edge : graph.edges) {
    if (edge.from >= graph.nodes.size() || edge.to >= graph.nodes.size() || is_exit(edge.from)) continue;
    const std::string css = std::string(edge_class(edge.style));
    const std::string label = route_label(edge);
    if (is_exit(edge.to)) {
      // Several routes out of one service to the exit are stacked, centred on the box's middle.
      const LayoutBox& box = layout.boxes[laid_out[edge.from]];
      const double offset = 14 * (static_cast<double>(exits_drawn[edge.from]++) -
                                  static_cast<double>(exits_from[edge.from] - 1) / 2);
      const double x = box.x + box.width;
      const double y = box.y + box.height / 2 + offset;
      svg.path({{x, y}, {x + kExitStub - 4, y}}, css, true);
      svg.text(x + kExitStub / 2, y - 3, "exit" + (label.empty() ? "" : " " + label), "edge-label", "middle");
      continue;
    }
    const LayoutEdge& drawn = layout.edges[valid++];
    svg.path(drawn.points, css + (drawn.back ? " back" : ""), true);
    if (!label.empty() && drawn.points.size() >= 2) {
      // On the first segment, a little way out of the source box, where fanning-out routes are
      // still apart from each other's labels.
      const auto [x1, y1] = drawn.points[0];
      const auto [x2, y2] = drawn.points[1];
      const double t = drawn.back ? 0.5 : 0.45;
      svg.text(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t - 4, label, "edge-label", "middle");
    }
  }
  for (std::size_t v = 0; v < graph.nodes.size(); ++v) {
    if (is_exit(v)) continue;
    const auto& node = graph.nodes[v];
    const LayoutBox& box = layout.boxes[laid_out[v]];
    svg.rect(box.x, box.y, box.width, box.height, node_class(node.kind));
    double y = box.y + kPadding + 11;
    svg.text(box.x + box.width / 2, y, fit(node.name, 21), "node-name", "middle");
    for (const auto& line : node.details) {
      y += kLineHeight;
      svg.text(box.x + box.width / 2, y, fit(line, 24), "node-detail", "middle");
    }
  }
  return svg.finish();
}

}  // namespace carepath::report
