// SPDX-License-Identifier: MIT
// The service graph for Graphviz. Vertices are numbered in scenario order (sources, services,
// then the exit) and edges follow the file, so the same scenario always gives the same bytes and
// a diff of two DOT files shows what changed in the pathway.
#include <carepath/io/graph_dot.hpp>

#include <carepath/time.hpp>

#include "io/graph_routes.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>

#include <charconv>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::io {
namespace {

struct DotVertex {
  std::vector<std::string> lines;
  std::string shape;
};

struct DotEdge {
  std::string label;  // Empty for a route every patient takes.
  bool dashed = false;  // Only some patients, sometimes: diverted when full, giving up, another type's route.
};

using DotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DotVertex, DotEdge>;
using Vertex = DotGraph::vertex_descriptor;

// A DOT string literal. Backslash and quote are the only characters DOT needs escaped; lines are
// joined with DOT's own "\n" escape, which Graphviz draws as a centred line break.
std::string dot_string(const std::vector<std::string>& lines) {
  std::string text = "\"";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) text += "\\n";
    for (const char c : lines[i]) {
      if (c == '"' || c == '\\') text += '\\';
      text += c;
    }
  }
  return text + "\"";
}

// Three significant figures are all a diagram needs; from 100 up, whole numbers read better
// than 1.23e+03.
std::string readable(double value) {
  char buffer[400];  // The longest fixed-point double has 309 digits before the point.
  const auto result = value >= 100
                          ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 0)
                          : std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 3);
  return std::string(buffer, result.ptr);
}

std::string shortest(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string count_of(double count, std::string_view unit) {
  const std::string number = readable(count);
  return number + " " + std::string(unit) + (number == "1" ? "" : "s");
}

// In the largest unit that keeps the number at 1 or more: "30 min", "4 hours", "3.5 days", "18 weeks".
std::string readable_duration(SimTime in_days) {
  if (in_days < hours(1)) return readable(in_days / minutes(1)) + " min";
  if (in_days < days(1)) return count_of(in_days / hours(1), "hour");
  if (in_days < weeks(2)) return count_of(in_days, "day");
  return count_of(in_days / weeks(1), "week");
}

std::string readable_rate(double per_day) {
  if (per_day >= 1) return readable(per_day) + "/day";
  if (per_day * 7 >= 1) return readable(per_day * 7) + "/week";
  return readable(per_day * 365) + "/year";
}

std::vector<std::string> service_lines(const model::Service& service) {
  std::vector<std::string> lines{service.name};
  if (service.sessions) {
    // A clinic or panel: its first timetable's sessions and slots a week.
    std::uint32_t sessions = 0;
    std::uint64_t slots = 0;
    for (const model::Session& session : service.sessions->timetable) {
      const auto days_a_week = static_cast<std::uint32_t>(std::count(session.weekdays.begin(), session.weekdays.end(), true));
      sessions += days_a_week;
      slots += std::uint64_t{days_a_week} * session.slots;
    }
    lines.push_back(std::to_string(sessions) + (sessions == 1 ? " session, " : " sessions, ") + std::to_string(slots) +
                    (slots == 1 ? " slot a week" : " slots a week") +
                    (service.sessions->changes.empty() ? "" : " at the start, then dated changes"));
  } else if (!service.capacity) {
    lines.emplace_back("unlimited");
  } else {
    lines.push_back(std::to_string(*service.capacity) + (*service.capacity == 1 ? " server" : " servers") +
                    (service.capacity_changes.empty() ? "" : " at the start, then dated changes"));
    if (!service.roster.empty()) lines.emplace_back("weekly roster");
  }
  lines.push_back("mean " + readable_duration(model::mean_of(service.service_time)));
  if (service.queue_limit) {
    lines.push_back(*service.queue_limit == 0 ? "no waiting room" : "queue limit " + std::to_string(*service.queue_limit));
  }
  return lines;
}

DotGraph build_graph(const model::Scenario& scenario) {
  // All vertices are made up front and filled in after: add_vertex(property, graph) trips GCC 12's
  // -Wmaybe-uninitialized inside Boost's named_graph.hpp in optimised builds.
  const std::size_t first_service = scenario.arrivals.size();
  const Vertex exit = first_service + scenario.services.size();
  DotGraph graph(exit + 1);
  for (std::size_t i = 0; i < scenario.arrivals.size(); ++i) {
    const auto& arrival = scenario.arrivals[i];
    graph[i] = {{arrival.name, readable_rate(arrival.rate_per_day)}, "ellipse"};
  }
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    graph[first_service + i] = {service_lines(scenario.services[i]), "box"};
  }
  graph[exit] = {{model::kExit}, "doublecircle"};

  // The same routes, in the same order, as report.html draws (graph_routes.cpp).
  for (const GraphRoute& route : graph_routes(scenario)) {
    const std::string share = route.probability == 1 ? "" : shortest(route.probability);
    switch (route.kind) {
      case GraphRoute::Kind::Always: add_edge(route.from, route.to, DotEdge{}, graph); break;
      case GraphRoute::Kind::Share: add_edge(route.from, route.to, DotEdge{share}, graph); break;
      case GraphRoute::Kind::PerType:
        add_edge(route.from, route.to, DotEdge{route.patient_type + (share.empty() ? "" : " " + share), true}, graph);
        break;
      case GraphRoute::Kind::Divert: add_edge(route.from, route.to, DotEdge{"when full", true}, graph); break;
      case GraphRoute::Kind::Renege: add_edge(route.from, route.to, DotEdge{"gives up", true}, graph); break;
    }
  }
  return graph;
}

class VertexWriter {
 public:
  explicit VertexWriter(const DotGraph& graph) : graph_(graph) {}
  void operator()(std::ostream& out, Vertex v) const {
    out << "[label=" << dot_string(graph_[v].lines) << ", shape=" << graph_[v].shape << "]";
  }

 private:
  const DotGraph& graph_;
};

class EdgeWriter {
 public:
  explicit EdgeWriter(const DotGraph& graph) : graph_(graph) {}
  void operator()(std::ostream& out, DotGraph::edge_descriptor e) const {
    const DotEdge& edge = graph_[e];
    if (edge.label.empty() && !edge.dashed) return;
    out << "[";
    if (!edge.label.empty()) out << "label=" << dot_string({edge.label});
    if (edge.dashed) out << (edge.label.empty() ? "" : ", ") << "style=dashed";
    out << "]";
  }

 private:
  const DotGraph& graph_;
};

// Patients flow left to right, from their sources to the exit.
void write_graph_attributes(std::ostream& out) { out << "rankdir=LR;\n"; }

}  // namespace

void write_graph_dot(const model::Scenario& scenario, std::ostream& out) {
  const DotGraph graph = build_graph(scenario);
  boost::write_graphviz(out, graph, VertexWriter(graph), EdgeWriter(graph), write_graph_attributes);
}

}  // namespace carepath::io
