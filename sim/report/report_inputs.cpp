// SPDX-License-Identifier: MIT
// The two report inputs that come from a loaded Scenario rather than from a results file: the
// service graph (the vertices of io/graph_dot.cpp, sources, services in file order, then the
// exit, and the same list of routes, io/graph_routes.cpp) and the scenario's words (description,
// notes, wait targets).
#include "report/report_inputs.hpp"

#include "io/graph_routes.hpp"
#include <carepath/io/number_format.hpp>
#include <carepath/stats/kpi_ref.hpp>
#include "report/report_format.hpp"

#include <algorithm>
#include <utility>

namespace carepath::io {

namespace {

using nlohmann::ordered_json;

std::string rate_text(double per_day) {
  if (per_day >= 1) return report::format_count(per_day) + "/day";
  if (per_day * 7 >= 1) return report::format_count(per_day * 7) + "/week";
  return report::format_count(per_day * 365) + "/year";
}

// True when the roster's shifts cover every hour of every day, so that the dated capacity never
// applies.
bool roster_covers_week(const std::vector<model::RosterShift>& roster) {
  for (std::size_t day = 0; day < 7; ++day) {
    std::vector<std::pair<double, double>> hours;
    for (const model::RosterShift& shift : roster) {
      if (shift.weekdays[day]) hours.emplace_back(shift.from_hour, shift.to_hour);
    }
    std::sort(hours.begin(), hours.end());
    double covered = 0;
    for (const auto& [from, to] : hours) {
      if (from > covered) return false;
      covered = std::max(covered, to);
    }
    if (covered < 24) return false;
  }
  return true;
}

// A rostered or dated capacity as the range it moves in ("3–9 by roster"): its number at the
// start alone would read as "0" for a service closed overnight.
std::string capacity_text(const model::Service& service) {
  const std::uint32_t start = *service.capacity;
  std::uint32_t low = start;
  std::uint32_t high = start;
  const auto include = [&](std::uint32_t c) {
    low = std::min(low, c);
    high = std::max(high, c);
  };
  if (!service.roster.empty() && roster_covers_week(service.roster)) {
    low = high = service.roster.front().capacity;
  } else {
    for (const model::CapacityChange& change : service.capacity_changes) include(change.capacity);
  }
  for (const model::RosterShift& shift : service.roster) include(shift.capacity);
  std::string text = "capacity " + std::to_string(low);
  if (high != low) text += "\u2013" + std::to_string(high);
  if (!service.roster.empty()) return text + " by roster";
  if (!service.capacity_changes.empty()) return text + " by date";
  return text;
}

std::vector<std::string> service_details(const model::Service& service) {
  std::vector<std::string> lines;
  lines.push_back(service.capacity ? capacity_text(service) : "unlimited capacity");
  lines.push_back("mean stay " + report::format_duration(model::mean_of(service.service_time)));
  return lines;
}

ReportGraphEdge::Style edge_style(GraphRoute::Kind kind) {
  switch (kind) {
    case GraphRoute::Kind::PerType: return ReportGraphEdge::Style::PerType;
    case GraphRoute::Kind::Divert: return ReportGraphEdge::Style::Divert;
    case GraphRoute::Kind::Renege: return ReportGraphEdge::Style::Renege;
    case GraphRoute::Kind::Always:
    case GraphRoute::Kind::Share: break;
  }
  return ReportGraphEdge::Style::Route;
}

// "126d": exact and readable back by io::parse_duration, which is all the report needs.
std::string days_text(double days) { return format_shortest(days) + "d"; }

}  // namespace

ReportGraph report_graph(const model::Scenario& scenario) {
  ReportGraph graph;
  for (const auto& arrival : scenario.arrivals) {
    graph.nodes.push_back({arrival.name, ReportGraphNode::Kind::Source, {rate_text(arrival.rate_per_day)}});
  }
  for (const auto& service : scenario.services) {
    graph.nodes.push_back({service.name, ReportGraphNode::Kind::Service, service_details(service)});
  }
  graph.nodes.push_back({model::kExit, ReportGraphNode::Kind::Exit, {}});
  for (const GraphRoute& route : graph_routes(scenario)) {
    graph.edges.push_back({route.from, route.to, route.probability, edge_style(route.kind), route.patient_type});
  }
  return graph;
}

ordered_json report_scenario_json(const model::Scenario& scenario) {
  ordered_json services = ordered_json::array();
  for (const auto& service : scenario.services) {
    ordered_json entry{{"name", service.name}, {"notes", service.notes}};
    if (service.wait_target) entry["wait_target"] = days_text(*service.wait_target);
    entry["unit"] = service.unit;
    if (service.setting == model::Setting::Hospital) entry["setting"] = "hospital";
    if (service.setting == model::Setting::Community) entry["setting"] = "community";
    // What the STRESS-DES section describes: resources, queues and the state at the start.
    entry["capacity"] = service.capacity ? ordered_json(*service.capacity) : ordered_json("unlimited");
    entry["queue_limit"] = service.queue_limit ? ordered_json(*service.queue_limit) : ordered_json("unlimited");
    entry["reneging"] = service.patience.has_value();
    entry["initial_patients"] = !service.initial_waiting.empty() || !service.initial_in_service.empty();
    services.push_back(std::move(entry));
  }
  ordered_json arrivals = ordered_json::array();
  for (const auto& arrival : scenario.arrivals) {
    arrivals.push_back({{"name", arrival.name}, {"notes", arrival.notes}});
  }
  ordered_json pathways = ordered_json::array();
  for (const auto& pathway : scenario.pathways) {
    pathways.push_back({{"name", pathway.name}, {"target", days_text(pathway.target)}, {"notes", pathway.notes}});
  }
  ordered_json types = ordered_json::array();
  for (const auto& type : scenario.patient_types) {
    types.push_back({{"name", type.name}, {"priority", type.priority}, {"notes", type.notes}});
  }
  // The KPIs the planner asked about (or the defaults): a printout keeps their charts.
  ordered_json headlines = ordered_json::array();
  for (const model::Headline& headline :
       scenario.headlines.empty() ? stats::default_headlines(scenario) : scenario.headlines) {
    headlines.push_back(headline.kpi);
  }
  return ordered_json{{"name", scenario.name},
                      {"description", scenario.description},
                      {"notes", scenario.notes},
                      {"start_date", model::format_date(scenario.start_date)},
                      {"run", {{"steady_state", scenario.run.steady_state}}},
                      {"patient_types", std::move(types)},
                      {"arrivals", std::move(arrivals)},
                      {"services", std::move(services)},
                      {"pathways", std::move(pathways)},
                      {"headlines", std::move(headlines)}};
}

}  // namespace carepath::io
